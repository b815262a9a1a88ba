## Debates — English catalogue.

forums-title = Debates
forums-groups-title = Working groups
forums-intro = Debate the projects of the community of communes: each category gathers the discussions of one Agenda 21 theme. Be courteous and stay on topic.
forums-groups-intro = The forums of your working groups are for their members only. Public debates stay open to everyone on the portal.
forums-categories-heading = Categories
forums-latest-heading = Latest debates
forums-latest-caption = The most recently active topics
forums-group-latest-heading = Latest discussions in your groups
forums-group-latest-caption = The most recently active topics of your groups
forums-my-groups-heading = My working groups
forums-public-heading = Public debates
forums-no-categories = No categories yet
forums-no-group-categories = No forums for your working groups
forums-no-groups = You are not a member of any working group.
forums-no-topics = No topics yet
forums-no-topics-text = Start the discussion: open the first topic.
forums-topic-count = { $count ->
    [0] No topics
    [one] 1 topic
   *[other] { $count } topics
}
forums-reply-count = { $count ->
    [0] no replies
    [one] 1 reply
   *[other] { $count } replies
}
forums-private-to = For the “{ $group }” group only
forums-private = private
forums-my-tools = My debate tools
forums-my-notices = { $count ->
    [0] My notices
    [one] My notices (1 unread)
   *[other] My notices ({ $count } unread)
}
forums-my-preferences = Notice frequency
forums-queue-waiting = { $count ->
    [one] One post is waiting for a moderation decision.
   *[other] { $count } posts are waiting for a moderation decision.
}

forums-search-title = Search the debates
forums-search-label = Search the debates
forums-search-hint = Every word must be in the title or the post.
forums-search-submit = Search
forums-search-too-short = Type at least two characters.
forums-search-results = { $count ->
    [0] No results for “{ $q }”
    [one] 1 result for “{ $q }”
   *[other] { $count } results for “{ $q }”
}
forums-search-none = No post matches
forums-search-none-text = Try other words, or fewer words.

forums-col-topic = Topic
forums-col-category = Category
forums-col-replies = Replies
forums-col-activity = Latest activity
forums-by = by { $name }
forums-category-caption = Topics of the “{ $category }” category, pinned first then by activity
forums-new-topic = Open a topic
forums-new-topic-in = New topic in “{ $category }”
forums-new-topic-private-note = Only the members of the working group will see this topic.
forums-follow-category = Follow this category
forums-unfollow-category = Stop following this category
forums-following-category-note = You follow this category: you are told of each new topic.
forums-follow-topic = Follow this topic
forums-unfollow-topic = Stop following this topic
forums-followed = You follow this topic: you will be told of new replies.
forums-followed-category = You follow this category: you will be told of new topics.
forums-unfollowed = You no longer follow this.
forums-sign-in-to-post = Sign in to take part

forums-badge-pinned = Pinned
forums-badge-locked = Locked
forums-badge-concluded = Concluded
forums-badge-hidden = Hidden
forums-badge-pending = Waiting for moderation

forums-in-category = In
forums-started = opened by { $name } on { $when }
forums-deleted-account = Deleted account
forums-conclusion = Conclusion of the debate
forums-concluded-by = Conclusion written by { $name } on { $when }.
forums-positions = Positions taken
forums-posts-heading = Posts
forums-no-posts = No visible posts.
forums-opening-post = opening post
forums-quote = Quote
forums-quote-whose = { $name }’s post
forums-quote-intro = **{ $name }** wrote:
forums-report = Report
forums-show-hidden = Show the hidden post (moderation)
forums-hidden-reports = This post was hidden after several reports, until a moderator decides.
forums-hidden-moderator = This post was hidden by the moderators.
forums-pending-note = Only you and the moderators see this post until it is approved.
forums-status-published = Published
forums-status-pending = Waiting for moderation
forums-status-hidden = Hidden
forums-status-rejected = Refused
forums-alignment-for = For
forums-alignment-against = Against
forums-alignment-neutral = Neutral

forums-reply-title = Reply
forums-field-reply = Your reply
forums-field-alignment = Your position
forums-markdown-hint = Markdown formatting: **bold**, *italics*, > quote, lists with “-”, links [text](https://…). HTML is shown as typed. At most { $max } characters.
forums-your-handle = Mention a member by their handle; yours is @{ $handle }.
forums-publish = Post the reply
forums-privacy = Your name and your post are published with the date. They are kept as long as the debate exists; you can download them or ask for their erasure from your account.
forums-privacy-dpo = Data protection officer: { $email }.
forums-not-published = Your post was not published
forums-your-text = Your text, kept
forums-your-text-hint = Copy it so as not to lose it.
forums-sign-in = Sign in
forums-sign-in-to-reply = Sign in to reply.
forums-no-post-permission = Your account may not post in the debates.
forums-you-are-hidden = The moderators have suspended posting from your account: you can no longer post in the debates. Contact the community of communes if you think this is a mistake.
forums-topic-closed = This debate is closed with a conclusion: it no longer takes replies.
forums-topic-locked = This topic is locked by the moderators: it no longer takes replies.
forums-topic-not-open = This topic does not take replies for now.
forums-members-only = This forum is for the members of its working group only.
forums-body-required = Write your post.
forums-body-too-long = Your post has { $count } characters: shorten it to { $max } characters at most.
forums-form-stale = This form has expired: check your text and send it again.
forums-try-again = The post could not be saved: send it again.
forums-already-posted = This post was already published: it was saved only once.
forums-reply-posted = Your reply is published.
forums-reply-pending = Thank you! Your reply will be published once a moderator approves it.
forums-topic-created = Your topic is open.
forums-topic-pending = Thank you! Your topic will be visible once a moderator approves it.
forums-field-title = Title
forums-field-title-hint = A sentence saying what it is about, at most 150 characters.
forums-field-body = Post
forums-publish-topic = Open the topic
forums-pagination = Pagination
forums-page = Page
forums-previous = Previous
forums-next = Next

forums-subject-intro = This discussion goes with a consultation or an action of the community of communes.
forums-subject-default-title = Discussion: { $key }
forums-no-replies-yet = No replies yet
forums-be-first = Be the first to give your view: your reply opens the discussion.
forums-attached-category-title = Attached discussions
forums-attached-category-description = Discussions opened about consultations and Agenda 21 actions.

forums-report-title = Report a post
forums-report-intro = Report a post that breaks the rules of the debate. The moderators look at every report.
forums-field-reason = Reason
forums-reason-spam = Advertising or spam
forums-reason-offensive = Insulting or offensive
forums-reason-off_topic = Off topic
forums-field-note = Details
forums-field-note-hint = Optional, at most 500 characters.
forums-report-submit = Send the report
forums-report-thanks = Thank you, your report was passed on to the moderators.
forums-already-reported = You have already reported this post.
forums-report-own = You cannot report your own post.

forums-moderation-title = Moderation
forums-moderation-intro = A post is hidden automatically after { $reports } reports (0: never). Citizens with fewer than { $trusted } approved posts post after a moderator’s approval.
forums-moderation-tools = Topic moderation
forums-queue-pending = { $count ->
    [0] Posts waiting for approval
    [one] 1 post waiting for approval
   *[other] { $count } posts waiting for approval
}
forums-queue-reported = { $count ->
    [0] Reported posts
    [one] 1 reported post
   *[other] { $count } reported posts
}
forums-queue-hidden = Recently hidden posts
forums-queue-empty = Nothing to handle.
forums-report-count = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
forums-hidden-members = Accounts suspended from posting
forums-no-hidden-members = No suspended accounts.
forums-action-approve = Approve
forums-action-reject = Refuse
forums-action-hide = Hide
forums-action-restore = Restore
forums-action-dismiss = Dismiss the reports
forums-action-hide-author = Hide and suspend the author
forums-action-unhide-member = Allow posting again
forums-action-lock = Lock
forums-action-unlock = Unlock
forums-action-pin = Pin
forums-action-unpin = Unpin
forums-action-reopen = Reopen the debate
forums-action-hide-topic = Hide the topic
forums-action-unhide = Make the topic visible
forums-action-move = Move
forums-move-to = Move to the category
forums-hide-author-confirm = Hide this post and stop { $name } from posting?
forums-hide-topic-confirm = Hide this topic from everyone but the moderators?
forums-post-approved = Post approved and published.
forums-post-rejected = Post refused.
forums-post-hidden = Post hidden.
forums-post-restored = Post restored.
forums-reports-dismissed = Reports dismissed.
forums-member-hidden = The account can no longer post in the debates.
forums-member-unhidden = The account may post again.
forums-cannot-hide-self = You cannot suspend your own account.
forums-action-not-possible = This action is not possible in the current state of the post or topic.
forums-topic-locked-done = Topic locked.
forums-topic-unlocked-done = Topic unlocked.
forums-topic-pinned-done = Topic pinned.
forums-topic-unpinned-done = Topic unpinned.
forums-topic-hidden-done = Topic hidden.
forums-topic-unhidden-done = Topic visible again.
forums-topic-reopened-done = Debate reopened.
forums-topic-moved-done = Topic moved.

forums-conclude = Conclude the debate
forums-conclude-title = Conclude “{ $title }”
forums-conclude-intro = The conclusion closes the debate: nobody can reply any more. It is shown at the top of the topic, signed with your name, and its followers are told.
forums-back-to-topic = Back to the debate “{ $title }”
forums-field-conclusion = Conclusion
forums-field-conclusion-hint = What the community of communes takes from the debate and what it will do. Markdown formatting.
forums-conclude-submit = Close the debate with this conclusion
forums-conclude-confirm = Close this debate? Nobody will be able to reply.
forums-concluded = The debate is closed; your conclusion is published.
forums-already-concluded = This debate is already concluded.

forums-notices-title = My notices
forums-notices-intro = Your notices about the topics and categories you follow, and when someone mentions you. Chosen frequency: { $frequency }.
forums-change-frequency = Change the frequency
forums-notices-queued = { $count ->
    [one] 1 notice is waiting for your next digest.
   *[other] { $count } notices are waiting for your next digest.
}
forums-mark-all-read = { $count ->
    [one] Mark the notice as read
   *[other] Mark the { $count } notices as read
}
forums-notices-marked = Your notices are marked as read.
forums-no-notices = No notices
forums-no-notices-text = Follow a topic or a category to be told of new posts.
forums-unread = unread
forums-unread-count = { $count ->
    [0] No unread notices.
    [one] 1 unread notice.
   *[other] { $count } unread notices.
}
forums-notice-reply = { $actor } replied in “{ $title }”
forums-notice-new_topic = { $actor } opened the topic “{ $title }”
forums-notice-mention = { $actor } mentioned you in “{ $title }”
forums-notice-concluded = { $actor } concluded the debate “{ $title }”
forums-notice-approved = Your post in “{ $title }” was approved and published
forums-period-daily = Daily digest
forums-period-weekly = Weekly digest
forums-digest-count = { $count ->
    [one] 1 new post
   *[other] { $count } new posts
}
forums-digest-mentions = { $count ->
    [one] (including one mention of you)
   *[other] (including { $count } mentions of you)
}
forums-latest-topic = latest topic:

forums-preferences-title = Notice frequency
forums-preferences-intro = Choose when to be told of new posts in the topics and categories you follow, and when someone mentions you. You are never told of your own posts.
forums-field-frequency = Receive notices
forums-frequency-immediate = On each post
forums-frequency-immediate-hint = One notice per new topic, reply, mention or conclusion, at once, and the same by e-mail.
forums-frequency-daily = One digest a day
forums-frequency-daily-hint = A single notice each morning at 7:00, summing up the topics active since the day before, and the same by e-mail.
forums-frequency-weekly = One digest a week
forums-frequency-weekly-hint = A single notice on Monday morning at 7:00, summing up the week, and the same by e-mail.
forums-frequency-none = Never
forums-frequency-none-hint = No notices and no e-mails, even when someone mentions you.
forums-frequency-default-note = You have not chosen yet: the frequency checked is the site's.
forums-mail-note = Notices are shown on the “My notices” page (and, in the extranet, on your dashboard) and sent by e-mail to your account's address, if it has one. Only the notice that a moderator approved your post is not e-mailed; it is shown whatever you choose.
forums-preferences-saved = Your choice is saved.

forums-categories-title = Categories
forums-categories-intro = Public categories are shown on the portal; private categories are for the members of a working group, in the extranet.
forums-categories-caption = Every category, in display order
forums-category-new-title = New category
forums-category-edit-title = Edit the category
forums-category-saved = Category saved.
forums-field-slug = Address
forums-field-slug-hint = Lowercase letters, digits and hyphens; taken from the title when empty.
forums-field-description = Description
forums-field-visibility = Visibility
forums-visibility-public = Public
forums-visibility-public-long = Public: on the portal, readable by everyone
forums-visibility-private-long = Private: for the members of a working group only
forums-field-group = Working group
forums-field-group-hint = Identifier of the group (for example commission-environnement), required for a private category.
forums-your-groups = Your groups: { $groups }.
forums-field-position = Display order
forums-field-position-hint = From 0 to 999, smallest first.
forums-slug-invalid = Use lowercase letters, digits and single hyphens.
forums-slug-taken = Another category already has this address.
forums-group-required = Give the working group of a private category.

forums-mail-subject-reply = New reply: { $title }
forums-mail-subject-new_topic = New topic: { $title }
forums-mail-subject-mention = You were mentioned: { $title }
forums-mail-subject-concluded = Debate concluded: { $title }
forums-mail-subject-daily = Daily digest of the debates
forums-mail-subject-weekly = Weekly digest of the debates
forums-mail-digest-intro = New posts in the debates you follow:
forums-mail-read = Read the post: { $url }
forums-mail-footer = You receive this message because you follow this debate or were mentioned in it. To change how often you get notices: { $url }

forums-member-title = Posts by { $name }
forums-member-intro = The posts @{ $handle } published in the public debates.
forums-member-intro-extranet = The posts @{ $handle } published in the public debates and in the forums of your working groups.
forums-member-posts = { $count ->
    [one] 1 post
   *[other] { $count } posts
}
forums-member-no-posts = No published post you may read
forums-member-posts-link = (their posts)
