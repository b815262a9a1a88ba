# Estive host catalogue, English: the administration area (core/templates/admin/,
# core/src/web/admin/). Keys all start with "admin-"; French is the reference
# (fr-admin.ftl).

## Navigation (web/page.rs) and titles

admin-title = Administration
admin-nav-overview = Overview
admin-nav-plugins = Plugins
admin-nav-users = Accounts
admin-nav-groups = Working groups
admin-nav-permissions = Permissions
admin-nav-audit = Audit log
admin-nav-server = Server
admin-theme-title = Theme guide

## Shared words

admin-required = (required)
admin-required-note = Fields marked "required" must be filled in.
admin-error-prefix = Error:
admin-form-errors = { $count ->
    [one] One thing needs correcting
   *[other] { $count } things need correcting
}
admin-title-errors = { $count ->
    [one] Error: 1 field to correct
   *[other] Error: { $count } fields to correct
}
admin-cancel = Cancel
admin-nobody = nobody
admin-plugin = Plugin
admin-version = Version
admin-api-version = API version
admin-installed-at = Installed on
admin-ms = { $value } ms
admin-newer-available = Newer version available
admin-version-newest = newest
admin-version-newest-is = the newest installed is { $version }
admin-back-to-plugins = Back to plugins
admin-back-to-users = Back to accounts
admin-back-to-server = Back to server administration
admin-pagination = Audit log pages
admin-page = Page
admin-previous = Previous
admin-next = Next

## Roles

admin-role-citizen = Citizen
admin-role-elected = Elected official
admin-role-staff = Staff
admin-role-admin = Administrator

## Overview (overview.html)

admin-overview-enabled-count = Enabled plugins
admin-overview-installed-count = { $count ->
    [one] 1 plugin installed on the server
   *[other] { $count } plugins installed on the server
}
admin-overview-users-count = Accounts
admin-overview-groups-count = Working groups
admin-overview-plugins = Plugins enabled on this site
admin-overview-plugins-caption = Enabled plugins, with their version and health
admin-overview-no-plugins = No plugin enabled
admin-overview-no-plugins-text = Enable a plugin to offer a service to residents, elected officials or staff.
admin-overview-manage-plugins = Manage plugins
admin-overview-audit = Latest actions
admin-overview-audit-caption = The latest entries of the audit log
admin-overview-all-audit = See the whole audit log
admin-overview-links = Other settings
admin-overview-link-users = Accounts and roles
admin-overview-link-invitations = Invite by e-mail
admin-overview-link-groups = Working groups
admin-overview-link-permissions = Permissions by role
admin-overview-link-theme = Theme guide (components and classes)
admin-overview-link-server = Server administration

## Plugins (plugins.html, plugin.html, disable.html)

admin-plugins-title = Plugins
admin-plugins-intro = The plugins installed on the server. Enable those the site needs; a disabled plugin keeps its data.
admin-plugins-none = No plugin installed
admin-plugins-none-text = The server administrator installs plugins; they will appear here.
admin-plugin-state = State
admin-plugin-state-enabled = Enabled
admin-plugin-state-disabled = Disabled (data kept)
admin-plugin-state-available = Available
admin-plugin-version-used = version { $version }
admin-plugin-name = Technical name
admin-plugin-path = Address on the site
admin-plugin-path-hint = One word of lowercase letters, digits and dashes, for example "consultations". The plugin will be served at /address, /extranet/address and /admin/address.
admin-plugin-configure = Configure
admin-plugin-enable = Enable
admin-plugin-disable = Disable
admin-plugin-data-kept = This plugin was enabled on this site before: its data and settings are kept and will be back.
admin-plugin-switch-label = Version in use
admin-plugin-switch = Change version
admin-plugin-mount-portal = Address on the portal
admin-plugin-mount-extranet = Address in the extranet
admin-plugin-mount-admin = Address in the administration
admin-plugin-enabled = The plugin "{ $plugin }" is enabled.
admin-plugin-disabled = The plugin "{ $plugin }" is disabled. Its data is kept.
admin-plugin-resumed = The plugin is back in service.
admin-enable-refused = The plugin could not be enabled. Technical explanation:
admin-path-invalid = Enter one word of lowercase letters, digits and dashes, for example "consultations".
admin-path-reserved = The platform keeps this address for itself: choose another one.
admin-path-taken = Another plugin already uses this address: choose another one.
admin-version-unknown = Choose one of the installed versions.
admin-version-unchanged = The site already uses version { $version }.
admin-version-switched = "{ $plugin }" now uses version { $version }.
admin-version-requires = This version needs the plugin "{ $plugin }" ({ $range }), which is not enabled on the site in a compatible version.
admin-disable-title = Disable "{ $plugin }"?
admin-disable-lead = The plugin "{ $plugin }" will no longer be offered on the portal, in the extranet or in the administration.
admin-disable-data-kept = Its data is kept: if you enable it again later, you will find it as it was, with its settings.
admin-disable-blocked = It cannot be disabled for now
admin-disable-needed = Other enabled plugins need it: { $plugins }. Disable them first.
admin-disable-confirm = Disable "{ $plugin }"

## Settings, grants, permissions, health (plugin.html)

admin-settings-title = Settings
admin-settings-none = This plugin has no settings.
admin-settings-after-enable = The settings will be available once the plugin is enabled.
admin-settings-save = Save the settings
admin-settings-saved = Settings saved.
admin-setting-list-hint = One value per line.
admin-setting-range = Between { $min } and { $max }.
admin-setting-min = At least { $min }.
admin-setting-max = At most { $max }.
admin-setting-no-choice = No choice
admin-grants-title = Granted access
admin-grants-none = This plugin asks for no outside access.
admin-grants-after-enable = Access can be granted once the plugin is enabled.
admin-grants-intro = The plugin cannot reach or read anything outside the platform without your consent. Here is what it asks for and why; grant only what the site needs.
admin-grants-http = Outside sites the plugin may query
admin-grants-reason = The plugin's reason:
admin-grants-directory = Read-only folder on the server
admin-grants-directory-granted = Granted by the server administrator:
admin-grants-directory-none = Not granted: the plugin reads no folder on this site.
admin-grants-directory-hint = Only the server administrator grants a folder, inside the server's data folder, with:
admin-grants-mail = E-mail to the accounts of the site
admin-grants-mail-label = Let the plugin send e-mail to the site's accounts
admin-grants-save = Save the access
admin-grants-saved = Access saved.
admin-grant-not-asked = This plugin does not ask for this access: it cannot be granted.
admin-plugin-permissions = Permissions
admin-plugin-permissions-caption = Permissions of "{ $plugin }" and the roles holding them
admin-plugin-permissions-none = This plugin defines no permission.
admin-plugin-permissions-change = Change the permissions by role
admin-plugin-roles = Roles defined by this plugin
admin-permission = Permission
admin-permission-defaults = Default roles
admin-permission-current = Roles on this site
admin-health = Health
admin-health-ok = In service
admin-health-suspended = Suspended
admin-health-suspended-until = Suspended until { $until } after repeated faults.
admin-health-resume = Resume service now
admin-health-calls = Calls
admin-health-faults = Faults
admin-health-p50 = Median time
admin-health-p99 = 99th percentile time
admin-health-note = Figures of this server since it started, all sites together.
admin-health-not-loaded = This plugin is not loaded on this server: no figures yet.

## Accounts (users.html, user_new.html, user_created.html, user.html)

admin-users-title = Accounts
admin-users-invite = Invite by e-mail
admin-users-caption = { $count ->
    [one] 1 account on this site
   *[other] { $count } accounts on this site
}
admin-user-new-title = Create an account
admin-user-name = Full name
admin-user-username = Username
admin-user-username-hint = 3 to 40 characters: lowercase letters without accents, digits, dot, dash or underscore.
admin-user-email = E-mail address
admin-user-email-hint = Optional; it is used to reset the password.
admin-user-roles = Roles
admin-user-groups = Groups
admin-user-state = State
admin-user-active = Active
admin-user-inactive = Deactivated
admin-user-server-admin = Server administrator
admin-user-last-login = Last sign-in
admin-user-never = never
admin-user-created-at = Created on
admin-user-password = Password
admin-user-password-hint = At least 10 characters. Leave empty to generate a temporary password, shown only once.
admin-user-create = Create the account
admin-user-privacy = This information is only used to manage access to the site. The person can see it, download it or ask for its deletion from "My account".
admin-user-created = The account "{ $username }" is created.
admin-user-created-title = Account created
admin-user-created-text = Give { $name } their username and temporary password; they can change it from "My account".
admin-user-temporary-password = Temporary password
admin-user-password-once = This password will never be shown again: write it down or pass it on now.
admin-user-see = See the account
admin-user-roles-title = Roles
admin-user-roles-save = Save the roles
admin-user-access-title = Access to the site
admin-user-deactivate-text = A deactivated account can no longer sign in and its current sessions end at once. Its data is kept.
admin-user-deactivate = Deactivate the account
admin-user-deactivate-confirm = Deactivate the account of { $name }?
admin-user-reactivate-text = This account is deactivated: the person cannot sign in.
admin-user-reactivate = Reactivate the account
admin-user-deactivated = The account of { $name } is deactivated; its sessions have ended.
admin-user-reactivated = The account of { $name } is reactivated.
admin-roles-saved = Roles of { $name } saved.
admin-username-invalid = Enter 3 to 40 characters: lowercase letters without accents, digits, dot, dash or underscore.
admin-username-taken = This username is taken: choose another one.
admin-email-taken = An account already uses this e-mail address.
admin-roles-required = Tick at least one role.
admin-own-admin-role = You cannot remove your own administrator role.
admin-own-deactivation = You cannot deactivate your own account.

## Working groups (groups.html, group.html)

admin-groups-title = Working groups
admin-groups-intro = Working groups (for example "Environment committee") gather elected officials and staff; plugins can restrict content to them.
admin-groups-caption = { $count ->
    [one] 1 working group
   *[other] { $count } working groups
}
admin-groups-none = No working group
admin-groups-none-text = Create a first group with the form below.
admin-group-name = Name
admin-group-name-hint = For example "Environment committee".
admin-group-slug = Technical name
admin-group-slug-hint = Optional: taken from the name when left empty. Lowercase letters, digits and dashes; it cannot change later.
admin-group-slug-stays = The group's technical name does not change: plugins use it.
admin-group-description = Description
admin-group-members = Members
admin-group-members-title = { $count ->
    [0] Members
    [one] Members (1)
   *[other] Members ({ $count })
}
admin-group-no-members = This group has no member yet.
admin-group-new = Create a group
admin-group-create = Create the group
admin-group-edit = Name and description
admin-group-save = Save
admin-group-add-label = Add a person
admin-group-choose = Choose a person
admin-group-add = Add to the group
admin-group-remove = Remove
admin-group-created = The group "{ $name }" is created.
admin-group-saved = The group "{ $name }" is saved.
admin-group-slug-invalid = Enter a technical name of lowercase letters, digits and dashes.
admin-group-slug-taken = A group already has this technical name.
admin-member-choose = Choose a person from the list.
admin-member-added = { $name } is now a member of "{ $group }".
admin-member-removed = { $name } is no longer a member of "{ $group }".

## Permissions (permissions.html)

admin-permissions-title = Permissions by role
admin-permissions-intro = Each plugin defines permissions. Tick the roles that hold them on this site.
admin-permissions-default-note = "default" marks what the plugin provides for; your choices replace it.
admin-permissions-caption = Permissions of the enabled plugins (rows) and roles of the site (columns)
admin-permissions-default = default
admin-permissions-save = Save the permissions
admin-permissions-saved = Permissions saved.
admin-permissions-restore-text = Go back to the permissions each plugin provides for:
admin-permissions-restore = Restore the defaults
admin-permissions-restore-confirm = Replace every permission by those the plugins provide for?
admin-permissions-restored = The plugins' default permissions are restored.
admin-permissions-none = No permission to set
admin-permissions-none-text = The plugins enabled on this site define no permission.

## Audit log (audit.html, _audit_table.html)

admin-audit-title = Audit log
admin-audit-filter = Filter the audit log
admin-audit-source = Source
admin-audit-all-sources = All sources
admin-audit-host = Administration and accounts
admin-audit-who = Person
admin-audit-everyone = Everyone
admin-audit-apply = Filter
admin-audit-count = { $count ->
    [0] No entry.
    [one] 1 entry.
   *[other] { $count } entries.
}
admin-audit-caption = Audit log, newest first (page { $page } of { $pages })
admin-audit-when = Date
admin-audit-action = Action
admin-audit-subject = Subject
admin-audit-details = Details
admin-audit-empty = No action recorded.
admin-action-plugin-enable = Plugin enabled
admin-action-plugin-disable = Plugin disabled
admin-action-plugin-version = Plugin version changed
admin-action-plugin-settings = Plugin settings saved
admin-action-plugin-grants = Plugin access saved
admin-action-plugin-resume = Plugin put back in service
admin-action-user-create = Account created
admin-action-user-roles = Roles changed
admin-action-user-deactivate = Account deactivated
admin-action-user-reactivate = Account reactivated
admin-action-group-create = Group created
admin-action-group-update = Group changed
admin-action-group-member-add = Member added to a group
admin-action-group-member-remove = Member removed from a group
admin-action-permissions-save = Permissions changed
admin-action-permissions-defaults = Default permissions restored
admin-action-site-create = Site created
admin-action-package-install = Plugin installed on the server
admin-action-package-upgrade = Plugin upgraded on the server
admin-action-account-signed-up = Signed up
admin-action-account-invitation-accepted = Invitation accepted
admin-action-account-password-reset = Password reset
admin-action-account-deleted = Account deleted
admin-action-admin-invitation-sent = Invitation sent

## Server (server.html, site_created.html)

admin-server-title = Server administration
admin-server-sites = Sites of the server
admin-server-sites-caption = { $count ->
    [one] 1 site on this server
   *[other] { $count } sites on this server
}
admin-server-site-plugins = Enabled plugins
admin-server-this-site = this site
admin-server-default-site = default site
admin-site-name = Name
admin-site-slug = Technical name
admin-site-slug-hint = Lowercase letters, digits and dashes, for example "veziaux-aure". The site also answers at technical-name.localhost in development.
admin-site-domains = Domains
admin-site-domain = Domain name
admin-site-domain-hint = Optional, without "https://" or port, for example "www.veziaux-aure.fr".
admin-site-first-admin = First administrator of the site (optional)
admin-site-first-admin-hint = An administrator account is created on the new site with a temporary password, shown only once.
admin-site-create = Create the site
admin-server-new-site = Create a site
admin-server-new-site-intro = The site is created with minimal settings; its administrator completes them afterwards.
admin-site-created = The site "{ $name }" is created.
admin-site-created-title = Site created
admin-site-created-text = Give its administrator the site's address, their username and temporary password.
admin-site-address = Site address
admin-site-slug-invalid = Enter a technical name of lowercase letters, digits and dashes.
admin-site-slug-taken = A site already has this technical name.
admin-site-domain-invalid = Enter a domain name without "https://", port or slash.
admin-site-domain-taken = Another site already uses this domain name.
admin-server-upload = Install a plugin
admin-server-upload-intro = Send a plugin's package (a .zip file holding plugin.toml, plugin.wasm and its templates, locales and static folders). It is checked before it is installed; nothing is installed when it is refused.
admin-package-file = Plugin package (.zip)
admin-package-hint = A .zip file of at most { $size } MB.
admin-package-upgrade = Upgrade the sites using an older version
admin-package-upgrade-hint = Otherwise the new version is only installed; each site chooses when to use it.
admin-package-send = Send and install
admin-package-refused = The package was refused and nothing was installed. Technical explanation:
admin-package-missing = Choose the plugin's .zip file.
admin-package-too-large = The file sent is too large.
admin-package-installed = The plugin { $plugin } { $version } is installed.
admin-package-upgraded = The plugin { $plugin } { $version } is installed; { $sites ->
    [0] no site used an older version.
    [one] 1 site now uses it.
   *[other] { $sites } sites now use it.
}
admin-package-already = The plugin { $plugin } { $version } was already installed, identical.
admin-server-versions = Installed versions
admin-server-versions-note = Faults and call times measured on this server since it started.
admin-server-versions-caption = { $count ->
    [one] 1 installed plugin version
   *[other] { $count } installed plugin versions
}
admin-server-used-by = Sites
admin-server-not-loaded = Not loaded

## The plugins page: signature and capabilities.
admin-plugin-signature = Signature
admin-plugin-signed-by = Signed by “{ $signer }”
admin-plugin-key-trusted = key trusted by this server (“{ $name }”)
admin-plugin-key-unknown = key unknown to this server
admin-plugin-unsigned = Unsigned: installed at the server administrator’s decision.
admin-plugin-capabilities = Access asked for
admin-plugin-no-capability = None: the plugin uses only its own data.
admin-capability-http = Requests to other servers
admin-capability-mail = E-mail to the site’s accounts
admin-capability-directory = Reading a folder of the server
