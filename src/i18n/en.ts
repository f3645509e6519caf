/**
 * English reader text: the catalogue every other language is checked against (same keys, same
 * placeholders; see catalogue.test.ts). ICU MessageFormat: `{name}` a value, `{n, plural, …}` a
 * count, `{x, select, …}` a choice. Keys are grouped by the page area that shows them.
 * A placeholder such as `{link}` inside a sentence is filled with an element by the site's <Msg>.
 */
export const en = {
  // Every page: the frame around it.
  'layout.skip': 'Skip to content',
  'layout.sections': 'Sections',
  'layout.blocked': 'Blocked? {link}: mirrors, Tor and other ways.',
  'layout.reachLink': 'How to reach us',
  'layout.follow': 'Follow without the web blocking you: {rss} · {atom} · {json}',
  'layout.noTracking': 'This site sets no tracking cookies and loads nothing from other sites.',
  'layout.pageTitle': '{title} | {site}',
  'common.frontPage': 'Go to the front page',
  'common.backToFront': 'Back to the front page',
  'common.emailAddress': 'Your email address',
  'common.howWeHandle': 'How we handle your address',
  'common.tooMany': 'Too many requests',
  'common.tooManyText': 'Too many requests from here. Please wait a few minutes.',
  'common.notAvailable': 'Not available',
  'common.emailNotReady':
    'The newsroom has to finish setting up its email. Please try again later.',
  'common.checkAddress': 'Check the address',
  'common.notAnEmail': 'That does not look like an email address. Check it and try again.',
  'common.checkInbox': 'Check your inbox',
  'common.linkExpired': 'Link expired',

  // The text-first line of SOS mode.
  'sos.mode': 'Emergency mode:',
  'sos.light': 'this site is light to load and may be blocked.',
  'sos.alsoAt': 'Also at {list}.',
  'sos.everyWay': 'Every way to reach us',

  // Search: the header's box and the page.
  'search.label': 'Search the site',
  'search.placeholder': 'Search',
  'search.button': 'Search',
  'search.title': 'Search',
  'search.words': 'Words to look for',
  'search.narrow': 'Narrow down',
  'search.section': 'Section',
  'search.topic': 'Topic',
  'search.any': 'Any',
  'search.from': 'From',
  'search.to': 'To',
  'search.noQuery': 'Type a word or two from a headline, a story or a name.',
  'search.tooShort':
    'That is too short to search for: use at least one word of two letters or more, other than words such as “the” or “and”.',
  'search.none':
    'No stories found for “{q}”. Try fewer words, another form of a word, or remove the filters.',
  'search.found':
    '{more, select, yes {More than {total, number} stories} other {{total, plural, one {# story} other {# stories}}}} found',
  'search.pageOf': ', page {page} of {pages}',
  'search.resultPages': 'Result pages',
  'search.previous': '← Previous',
  'search.next': 'Next →',
  'search.metaTitle': '“{q}”: search',
  'search.metaDescription': 'Search the stories of {site}.',

  // Story cards, bylines, pages of lists.
  'card.readingTime': '{minutes, plural, other {# min read}}',
  'byline.comma': ', ',
  'byline.and': ' and ',
  'pager.label': 'Pages',
  'pager.newer': '← Newer',
  'pager.page': 'Page {page}',
  'pager.older': 'Older →',

  // The article page.
  'article.by': 'By {byline}',
  'article.updated': 'Updated {time}',
  'article.picturesLeftOut': 'Pictures are left out to keep this page light.',
  'article.showPictures': 'Show pictures',
  'article.corrections': 'Corrections and updates',
  'article.correction': 'Correction',
  'article.update': 'Update',
  'article.topics': 'Topics',
  'article.readMoreAbout': 'Read more about:',
  'article.related': 'Read more',
  'article.previewTitle': 'Preview: {headline}',

  // The front page and list pages.
  'home.topStory': 'Top story',
  'home.moreTopStories': 'More top stories',
  'home.latest': 'Latest',
  'home.empty': 'Nothing has been published yet.',
  'list.kicker.section': 'Section',
  'list.kicker.topic': 'Topic',
  'list.kicker.author': 'Author',
  'list.kicker.latest': 'Front page',
  'list.feed': 'RSS feed for {title}',
  'author.links': '{name} elsewhere',
  'list.empty': 'No articles here yet.',
  'list.latestTitle': 'Latest stories',
  'list.titlePage': '{title} (page {page})',
  'list.description': '{title}: the latest from {site}.',

  // Error pages.
  'error.kicker': 'Error {status}',
  'error.goHome': '{link} or pick a section above.',
  'error.notFound': 'Page not found',
  'error.notFoundText':
    'There is nothing at this address. The story may have moved, or the link may be mistyped.',
  'error.clientTitle': 'This request could not be answered',
  'error.clientText':
    'The address or the form holds something the site cannot take. Check it and try again.',
  'error.serverTitle': 'Something went wrong',
  'error.serverText':
    'The site could not answer just now. Try again in a minute; the other addresses of the newsroom are on its “How to reach us” page.',
  'error.gone': 'This article was withdrawn',
  'error.goneText': 'The newsroom took this article down. Other reporting is on the front page.',

  // Newsletters: the box, the list, samples, the archive, sign-up and unsubscribe.
  'newsletter.signUp': 'Sign up',
  'newsletter.previewIssue': 'Preview an issue',
  'newsletter.unsubscribeQuestion': 'Unsubscribe from {name}?',
  'newsletter.unsubscribeYes': 'Yes, unsubscribe me',
  'newsletter.listTitle': 'Newsletters',
  'newsletter.listIntro': 'Our reporting in your inbox, for when the website is out of reach.',
  'newsletter.none': 'No newsletters yet.',
  'newsletter.previewKicker': 'Preview',
  'newsletter.previewIntro':
    "A sample of what arrives {when}: the editors' pick of news, features and analysis.",
  'newsletter.byEmail': 'by email',
  'newsletter.pastEditions': 'Past editions',
  'newsletter.previewTitle': 'Preview: {name}',
  'newsletter.archiveKicker': 'Archive',
  'newsletter.archiveTitle': '{name}: archive',
  'newsletter.nothingSent': 'Nothing has been sent yet. {link}.',
  'newsletter.seeSample': 'See a sample',
  'newsletter.moreEditions': 'More editions',
  'newsletter.newer': 'Newer',
  'newsletter.older': 'Older',
  'newsletter.sent': 'Sent {date}',
  'newsletter.signUpNext': 'Sign up to get the next one',
  'newsletter.sentText':
    'If the address is right, a message is on its way: follow its link to confirm. Nothing else is sent until you do.',
  'newsletter.tooMany': 'Too many sign-ups',
  'newsletter.tooManyTitle': 'Too many sign-ups from here',
  'newsletter.tooManyText': 'Please wait a few minutes and try again.',
  'newsletter.closed': 'Sign-ups are closed for now',
  'newsletter.expiredTitle': 'This link does not work any more',
  'newsletter.expiredText': 'It may be older than a week. Sign up again and a new link will come.',
  'newsletter.subscribed': 'Subscribed',
  'newsletter.subscribedTitle': 'You are subscribed to {name}',
  'newsletter.subscribedText': 'Thank you. Every issue has a link to unsubscribe.',
  'newsletter.subscribedCadence':
    'Thank you. It arrives {cadence}. Every issue has a link to unsubscribe.',
  'newsletter.unsubscribe': 'Unsubscribe',
  'newsletter.unsubscribed': 'Unsubscribed',
  'newsletter.unsubscribedTitle': 'You are unsubscribed from {name}',
  'newsletter.unsubscribedText':
    'You will get no more issues. If this was a mistake, sign up again at any time.',
  'privacy.title': 'Privacy',
  'privacy.heading': 'How {site} handles your data',
  'privacy.description': "How this site handles readers' data.",

  // A reader's newsletter preferences.
  'prefs.state.confirmed': 'You receive it',
  'prefs.state.pending': 'Waiting for you to confirm (nothing is sent until then)',
  'prefs.state.unsubscribed': 'Unsubscribed',
  'prefs.state.none': 'Not subscribed',
  'prefs.all': 'All your newsletters',
  'prefs.title': 'Your newsletters',
  'prefs.for':
    'For {email}. This page is yours: anyone with its address can change these choices, so do not forward it.',
  'prefs.complaint':
    'We send nothing more to this address: a message from us was reported as unwanted.',
  'prefs.bounce': 'We send nothing more to this address: mail to it came back as undeliverable.',
  'prefs.manual': 'We send nothing more to this address, at the request of its owner.',
  'prefs.mistake': 'Write to the newsroom if that is a mistake.',
  'prefs.unsubscribeFrom': 'Unsubscribe from {name}',
  'prefs.subscribeAgain': 'Subscribe again to {name}',
  'prefs.signUpPage': 'Sign up on the newsletters page',
  'prefs.unsubscribeAll': 'Unsubscribe from everything',
  'prefs.done.unsubscribe': 'Done: you are unsubscribed from that newsletter.',
  'prefs.done.unsubscribeAll':
    'Done: you are unsubscribed from every newsletter. We send you nothing more.',
  'prefs.done.resubscribe': 'Done: you are subscribed again.',
  'prefs.choose': 'Choose one of the buttons below.',
  'prefs.suppressed': 'We cannot send to this address any more; nothing was changed.',
  'prefs.nothing': 'Nothing to change: that was already done.',

  // Money and the chooser.
  'money.amount':
    '{frequency, select, once {{amount} once} monthly {{amount} a month} other {{amount} a year}}',
  'money.frequency': '{frequency, select, once {Once} monthly {Monthly} other {Annual}}',
  'money.method': '{method, select, card {Card} bank {Bank transfer} other {Cryptocurrency}}',
  'chooser.howOften': 'How often',
  'chooser.amount':
    '{frequency, select, once {Amount, once} monthly {Amount, monthly} other {Amount, annual}}',
  'chooser.other': 'Other amount in {currency}',
  'chooser.atLeast': '(at least {amount})',
  'chooser.payBy': 'Pay by',
  'chooser.continue': 'Continue',
  'chooser.accept': 'We accept: {methods}.',
  'chooser.alsoIn': 'Amounts in {currency}; also in {list}.',

  // The support pages.
  'support.banner': 'Support us',
  'support.contribute': 'Contribute',
  'support.notReady': 'Not ready to support today? {button}',
  'support.remindLater': 'Remind me later',
  'support.orByEmail': '(or {link})',
  'support.byEmailOnce': 'by email, once',
  'support.testMode': 'TEST MODE',
  'support.testModeText': '— no payment provider is set up. Nothing you enter here is charged.',
  'support.givingFrom': 'Giving from',
  'support.anywhereElse': 'Anywhere else',
  'support.showSafer': 'Show safer ways',
  'support.testCheckout': 'Test checkout',
  'support.testCheckoutText':
    "This page stands in for the payment provider's checkout. With a Stripe key set, readers go to Stripe instead.",
  'support.testEmail': 'Email',
  'support.testEmailNote': '(optional; a real provider asks for it)',
  'support.testPay': 'Pay {amount} (test)',
  'support.testCancel': 'Cancel and go back',
  'support.checkoutFinished': 'This checkout is finished ({status}).',
  'support.thanks': 'Thank you',
  'support.thanksText':
    'Your support keeps {site} reporting. A receipt comes from the payment provider by email.',
  'support.thanksCookie':
    'We will not ask you again on this device for {days, plural, one {# day} other {# days}}. We remember that with one small cookie, which holds a date and nothing about you.',
  'support.thanksManage': 'To change or cancel a monthly or annual gift later, {link}.',
  'support.askLink': 'ask for a link by email',
  'support.cancelled': 'No payment was made',
  'support.cancelledText': 'You left the checkout before paying. Nothing was charged.',
  'support.chooseAgain': 'Choose again',
  'support.bankTitle': 'Give by bank transfer',
  'support.cryptoTitle': 'Give in cryptocurrency',
  'support.chose': 'You chose {amount}.',
  'support.sendOnce': 'Send it once with the details below.',
  'support.standingOrder':
    'Set up a standing order (or a reminder) with the details below; we cannot take it for you.',
  'support.address': 'Address:',
  'support.notRecorded':
    'Nothing about this gift is recorded on this site: the newsroom sees it arrive in its account.',
  'support.chooseAnother': 'Choose another way',
  'support.checkAmount': 'Check the amount',
  'support.checkForm': 'Check the form',
  'support.reminderSet': 'Reminder set',
  'checkout.typeNumber': 'Enter the amount as a number, for example 10 or 7.50.',
  'checkout.chooseAmount': 'Choose one of the amounts, or type another amount.',
  'checkout.negative': 'The amount cannot be negative.',
  'checkout.belowMinimum': 'The smallest amount we can take is {amount}.',
  'checkout.tooLarge':
    'That is more than we accept in one go ({amount}). Please write to us for larger gifts.',
  'checkout.tooPrecise': '{currency} has no smaller unit than {amount}; round the amount.',
  'checkout.currency': 'We do not take that currency. Choose one from the list.',
  'checkout.frequency': 'Choose how often: once, monthly or annual.',
  'checkout.method': 'That way of paying is not available here. Choose another.',
  'checkout.providerFailed':
    'The payment page could not be opened. Nothing was charged; please try again in a minute.',
  'supporter.manageTitle': 'Manage your support',
  'supporter.linkSent':
    'If that address has a monthly or annual gift with us, a link to change or cancel it is on its way. It works for 24 hours.',
  'supporter.expired': 'That link has expired or is not right. Ask for a new one below.',
  'supporter.giveEmail':
    'Give the email address you paid with. We send a link there: no account or password is needed.',
  'supporter.sendLink': 'Send me a link',
  'supporter.yourSupport': 'Your support',
  'supporter.since': '{amount}, since {date}.',
  'supporter.thankYou': 'Thank you.',
  'supporter.cancelled': 'This gift is cancelled.',
  'supporter.status': 'Status: {status}.',
  'supporter.changeAtStripe': 'Change or cancel at Stripe',
  'supporter.cancelTest': 'Cancel this gift (test)',
  'supporter.remindTitle': 'Remind me by email',
  'supporter.remindDone':
    'Done. We will send one email in the month you chose, then delete your address.',
  'supporter.whichMonth': 'In which month?',
  'supporter.remindOnce': 'Remind me once',

  // How to reach us.
  'reach.title': 'How to reach us',
  'reach.description':
    'Every address of {site}: mirrors, Tor, feeds, newsletter and other ways, for when this site is blocked.',
  'reach.group.primary': 'Our main address',
  'reach.group.mirror': 'Mirrors: the same site at other addresses',
  'reach.group.onion': 'Tor Browser',
  'reach.group.feed': 'Feeds',
  'reach.group.newsletter': 'By email',
  'reach.group.other': 'Other ways',
  'reach.standfirst':
    'If {site} is blocked where you are, these addresses lead to the same newsroom. Write them down or keep this page: when one address stops working, try the next.',
  'reach.none':
    'The newsroom has not listed other addresses yet. Feeds keep working wherever this page opens: {rss}, {atom}, {json}.',
  'reach.torOnly': 'Open these in Tor Browser; other browsers cannot.',
  'reach.changed': 'List last changed {date}.',
  'reach.genuine': 'Is this list genuine?',
  'reach.signed':
    "A copy of this page on an address we do not control could list addresses of someone else's. The same list is at {link}, signed with the newsroom's key (Ed25519). A signed list that does not match this public key was not written by us:",
  'reach.compare':
    'Compare the key with one you got from us some other way (our newsletter, a printed card, an earlier visit). Anyone can check a copy with {command}.',
  'reach.unsigned':
    'This list is not signed yet: trust it as much as the address you are reading it on. The same list is at {link}.',
  'reach.takeAway': 'Take the news with you',
  'reach.download':
    'Download the latest {stories, plural, one {# story} other {# stories}} as one file',
  'reach.fileNote':
    '(HTML, {size}). It opens in any browser without a connection, holds these addresses, and may be passed on.',
  'reach.megabytes': '{size} MB',
  'reach.kilobytes': '{size} KB',

  // The newsletter's confirmation email, in the newsletter's language.
  'email.confirm.subject': 'Confirm your subscription to {name}',
  'email.confirm.ask': 'Please confirm that you want {name}:',
  'email.confirm.askCadence': 'Please confirm that you want {name} ({cadence}):',
  'email.confirm.until':
    'Until you do, we send you nothing else. If you did not ask for it, ignore this email and you will not hear from {site} again.',
  'email.confirm.untilShort':
    'Until you do, we send you nothing else. If you did not ask for it, ignore this email.',
  'email.confirm.yes': 'Yes, send it to me',
  // Refusals of the reader forms, said by error code (site/routes/reader-problems.ts).
  'problem.chooseMonth': 'Choose a month from the list.',
  'problem.noNewsletter': 'There is no such newsletter. Choose one on the newsletters page.',
  'newsletter.oneClick': 'Unsubscribed.',
  'newsletter.managePrefs': 'Your newsletters: change or unsubscribe',
  'supporter.consent':
    'Email me once in {month} to remind me to support {site}. {site} keeps my address only until that email is sent, then deletes it.',
  'supporter.chosenMonth': 'the month I choose',

  // Emails to readers, in the language of the edition they came from.
  'email.manage.subject': 'Manage your support for {site}',
  'email.manage.asked': 'Someone (we hope you) asked to manage recurring support for {site}.',
  'email.manage.follow': 'Follow a link within 24 hours to change or cancel the gift:',
  'email.manage.notYou': 'If it was not you, ignore this email: nothing changes.',
  'email.reminder.subject': 'A reminder from {site}, as you asked',
  'email.reminder.asked': 'You asked us to remind you in {month} about supporting {site}.',
  'email.reminder.here': 'If you would like to, you can do it here: {link}',
  'email.reminder.deleted': 'This is the only email we send: your address has now been deleted.',
  'email.edition.browser': 'Read this in your browser',
  'email.edition.story': 'Read the story',
  'email.edition.why': 'You get {name} because you asked for it at {email}.',
  'email.edition.unsubscribe': 'Unsubscribe or change newsletters',
  'email.edition.privacy': 'Privacy',
  'email.footer.blocked': 'If our site is blocked, reach us at: {list}',
  'email.footer.everyWay': 'Every way to reach us: {link}',

  // The offline edition file.
  'offline.title': '{site}: the latest stories, {date}',
  'offline.heading': 'The latest stories',
  'offline.made':
    'Made {time}{stories, plural, =0 {} one {, with the newest story} other {, with the # newest stories}}. It needs no connection: keep it, copy it and pass it on.',
  'offline.contents': 'Contents',
  'offline.by': 'By {byline}',
  'offline.online': 'Online:',
  'offline.back': 'Back to the contents',
  'offline.picture': '[Picture: {alt}]',
  'offline.reachText':
    'If {site} is blocked where you are, these addresses lead to the same newsroom. When one stops working, try the next.',
  'offline.noAddresses': 'The newsroom has not listed other addresses yet.',
  'offline.signed':
    'The newsroom signs this list (/reach.json on any of its addresses) with this public key (Ed25519). A list signed with another key was not written by us:',
  'offline.unsigned':
    'The newsroom does not sign its list yet: trust a copy as much as where it came from.',
  'offline.kind':
    '{kind, select, primary {Main address} mirror {Mirror} onion {Tor (onion address)} feed {Feed} newsletter {Newsletter} other {Other way}}',
} as const

export type MessageKey = keyof typeof en
