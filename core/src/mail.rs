//! Sending e-mail: SMTP when `ESTIVE_SMTP_URL` is set (e.g.
//! `smtps://user:password@smtp.example.fr:465`), otherwise each message is
//! written as an `.eml` file in `$ESTIVE_DATA/mail/` (development and tests).

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Folder {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
        from: Mailbox,
    },
}

impl Mailer {
    /// From the environment (`ESTIVE_SMTP_URL`, `ESTIVE_MAIL_FROM`).
    ///
    /// # Errors
    /// A malformed URL or sender address.
    pub fn from_env(data_dir: &Path) -> Result<Mailer> {
        let from: Mailbox = std::env::var("ESTIVE_MAIL_FROM")
            .unwrap_or_else(|_| "Estive <no-reply@estive.localhost>".into())
            .parse()
            .context("ESTIVE_MAIL_FROM is not an e-mail address")?;
        match std::env::var("ESTIVE_SMTP_URL") {
            Ok(url) if !url.is_empty() => Ok(Mailer::Smtp {
                transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .context("ESTIVE_SMTP_URL is not a valid SMTP URL")?
                    .build(),
                from,
            }),
            _ => {
                let dir = data_dir.join("mail");
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                Ok(Mailer::Folder {
                    transport: AsyncFileTransport::new(&dir),
                    dir,
                    from,
                })
            }
        }
    }

    /// Write messages to a folder.
    pub fn folder(dir: &Path) -> Mailer {
        let _ = std::fs::create_dir_all(dir);
        Mailer::Folder {
            transport: AsyncFileTransport::new(dir),
            dir: dir.to_path_buf(),
            from: "Estive <no-reply@estive.localhost>"
                .parse()
                .expect("a valid default sender"),
        }
    }

    /// Send a plain-text message.
    ///
    /// # Errors
    /// A bad recipient address or a transport failure.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<()> {
        let to: Mailbox = to
            .parse()
            .with_context(|| format!("`{to}` is not an e-mail address"))?;
        let from = match self {
            Mailer::Smtp { from, .. } | Mailer::Folder { from, .. } => from.clone(),
        };
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())?;
        match self {
            Mailer::Smtp { transport, .. } => {
                transport
                    .send(message)
                    .await
                    .context("the SMTP server refused the message")?;
            }
            Mailer::Folder { transport, .. } => {
                transport
                    .send(message)
                    .await
                    .context("cannot write the message file")?;
            }
        }
        Ok(())
    }

    /// Messages written to the folder, oldest first (development, tests).
    pub fn sent(&self) -> Vec<String> {
        let Mailer::Folder { dir, .. } = self else {
            return Vec::new();
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    }
}
