import type { MessageKey } from './en.js'

/**
 * Russian reader text: every key of en.ts with the same placeholders (catalogue.test.ts checks
 * both). Counts take Russian's plural forms (one: 1, 21; few: 2–4, 22; many: 5–20, 11).
 */
export const ru: Record<MessageKey, string> = {
  'layout.skip': 'Перейти к содержанию',
  'layout.sections': 'Разделы',
  'layout.blocked': 'Сайт заблокирован? {link}: зеркала, Tor и другие пути.',
  'layout.reachLink': 'Как до нас добраться',
  'layout.follow': 'Читайте нас в обход блокировок: {rss} · {atom} · {json}',
  'layout.noTracking': 'Этот сайт не ставит следящих cookie и ничего не загружает с других сайтов.',
  'layout.pageTitle': '{title} | {site}',
  'common.frontPage': 'На главную',
  'common.backToFront': 'Вернуться на главную',
  'common.emailAddress': 'Ваш адрес электронной почты',
  'common.howWeHandle': 'Как мы обращаемся с вашим адресом',
  'common.tooMany': 'Слишком много запросов',
  'common.tooManyText': 'Отсюда пришло слишком много запросов. Подождите несколько минут.',
  'common.notAvailable': 'Недоступно',
  'common.emailNotReady':
    'Редакция ещё не закончила настраивать почту. Пожалуйста, попробуйте позже.',
  'common.checkAddress': 'Проверьте адрес',
  'common.notAnEmail':
    'Это не похоже на адрес электронной почты. Проверьте его и попробуйте ещё раз.',
  'common.checkInbox': 'Проверьте почту',
  'common.linkExpired': 'Ссылка устарела',

  'sos.mode': 'Экстренный режим:',
  'sos.light': 'сайт облегчён для загрузки и может быть заблокирован.',
  'sos.alsoAt': 'Мы также здесь: {list}.',
  'sos.everyWay': 'Все способы до нас добраться',

  'search.label': 'Поиск по сайту',
  'search.placeholder': 'Поиск',
  'search.button': 'Найти',
  'search.title': 'Поиск',
  'search.words': 'Что ищем',
  'search.narrow': 'Уточнить',
  'search.section': 'Раздел',
  'search.topic': 'Тема',
  'search.any': 'Любая',
  'search.from': 'С',
  'search.to': 'по',
  'search.noQuery': 'Введите слово-другое из заголовка, текста или имя.',
  'search.tooShort':
    'Слишком короткий запрос: нужно хотя бы одно слово из двух букв и больше, кроме слов вроде «и» или «в».',
  'search.none':
    'По запросу «{q}» ничего не нашлось. Попробуйте меньше слов, другую форму слова или уберите фильтры.',
  'search.found':
    '{more, select, yes {Найдено больше {total, number} материалов} other {{total, plural, one {Найден # материал} few {Найдено # материала} many {Найдено # материалов} other {Найдено # материала}}}}',
  'search.pageOf': ', страница {page} из {pages}',
  'search.resultPages': 'Страницы результатов',
  'search.previous': '← Назад',
  'search.next': 'Дальше →',
  'search.metaTitle': '«{q}»: поиск',
  'search.metaDescription': 'Поиск по материалам издания «{site}».',

  'card.readingTime':
    '{minutes, plural, one {# минута чтения} few {# минуты чтения} many {# минут чтения} other {# минуты чтения}}',
  'byline.comma': ', ',
  'byline.and': ' и ',
  'pager.label': 'Страницы',
  'pager.newer': '← Новее',
  'pager.page': 'Страница {page}',
  'pager.older': 'Раньше →',

  'article.by': 'Текст: {byline}',
  'article.updated': 'Обновлено {time}',
  'article.picturesLeftOut': 'Чтобы страница грузилась быстрее, снимки не показаны.',
  'article.showPictures': 'Показать снимки',
  'article.corrections': 'Исправления и дополнения',
  'article.correction': 'Исправление',
  'article.update': 'Дополнение',
  'article.topics': 'Темы',
  'article.readMoreAbout': 'Ещё по темам:',
  'article.related': 'Читайте также',
  'article.previewTitle': 'Предпросмотр: {headline}',

  'home.topStory': 'Главный материал',
  'home.moreTopStories': 'Главное',
  'home.latest': 'Последнее',
  'home.empty': 'Пока ничего не опубликовано.',
  'list.kicker.section': 'Раздел',
  'list.kicker.topic': 'Тема',
  'list.kicker.author': 'Автор',
  'list.kicker.latest': 'Главная',
  'list.feed': 'RSS-лента: {title}',
  'author.links': '{name} в сети',
  'list.empty': 'Здесь пока нет материалов.',
  'list.latestTitle': 'Последние материалы',
  'list.titlePage': '{title} (страница {page})',
  'list.description': '{title}: последние материалы издания «{site}».',

  'error.kicker': 'Ошибка {status}',
  'error.goHome': '{link} или выберите раздел выше.',
  'error.notFound': 'Страница не найдена',
  'error.notFoundText':
    'По этому адресу ничего нет. Возможно, материал переехал или в ссылке опечатка.',
  'error.clientTitle': 'Этот запрос не удалось выполнить',
  'error.clientText':
    'В адресе или в форме есть то, что сайт не может принять. Проверьте их и попробуйте ещё раз.',
  'error.serverTitle': 'Что-то пошло не так',
  'error.serverText':
    'Сайт сейчас не смог ответить. Попробуйте ещё раз через минуту; другие адреса редакции — на странице «Как нас найти».',
  'error.gone': 'Материал снят с публикации',
  'error.goneText': 'Редакция сняла этот материал. Другие наши тексты — на главной.',

  'newsletter.signUp': 'Подписаться',
  'newsletter.previewIssue': 'Пример выпуска',
  'newsletter.unsubscribeQuestion': 'Отписаться от рассылки «{name}»?',
  'newsletter.unsubscribeYes': 'Да, отписаться',
  'newsletter.listTitle': 'Рассылки',
  'newsletter.listIntro': 'Наши материалы у вас в почте — на случай, если сайт недоступен.',
  'newsletter.none': 'Рассылок пока нет.',
  'newsletter.previewKicker': 'Пример',
  'newsletter.previewIntro':
    'Так выглядит то, что приходит {when}: новости, репортажи и аналитика, отобранные редакцией.',
  'newsletter.byEmail': 'по почте',
  'newsletter.pastEditions': 'Прошлые выпуски',
  'newsletter.previewTitle': 'Пример: {name}',
  'newsletter.archiveKicker': 'Архив',
  'newsletter.archiveTitle': '{name}: архив',
  'newsletter.nothingSent': 'Пока ничего не отправлено. {link}.',
  'newsletter.seeSample': 'Посмотреть пример',
  'newsletter.moreEditions': 'Другие выпуски',
  'newsletter.newer': 'Новее',
  'newsletter.older': 'Раньше',
  'newsletter.sent': 'Отправлено {date}',
  'newsletter.signUpNext': 'Подпишитесь, чтобы получить следующий',
  'newsletter.sentText':
    'Если адрес верный, письмо уже в пути: перейдите по ссылке в нём, чтобы подтвердить подписку. До тех пор мы ничего больше не пришлём.',
  'newsletter.tooMany': 'Слишком много подписок',
  'newsletter.tooManyTitle': 'Отсюда пришло слишком много подписок',
  'newsletter.tooManyText': 'Подождите несколько минут и попробуйте снова.',
  'newsletter.closed': 'Подписка временно закрыта',
  'newsletter.expiredTitle': 'Эта ссылка больше не работает',
  'newsletter.expiredText':
    'Возможно, ей больше недели. Подпишитесь ещё раз — придёт новая ссылка.',
  'newsletter.subscribed': 'Подписка оформлена',
  'newsletter.subscribedTitle': 'Вы подписаны на рассылку «{name}»',
  'newsletter.subscribedText': 'Спасибо. В каждом выпуске есть ссылка, чтобы отписаться.',
  'newsletter.subscribedCadence':
    'Спасибо. Рассылка выходит {cadence}. В каждом выпуске есть ссылка, чтобы отписаться.',
  'newsletter.unsubscribe': 'Отписка',
  'newsletter.unsubscribed': 'Вы отписались',
  'newsletter.unsubscribedTitle': 'Вы отписались от рассылки «{name}»',
  'newsletter.unsubscribedText':
    'Больше выпусков не будет. Если это ошибка, подпишитесь снова в любой момент.',
  'privacy.title': 'Конфиденциальность',
  'privacy.heading': 'Как «{site}» обращается с вашими данными',
  'privacy.description': 'Как этот сайт обращается с данными читателей.',

  'prefs.state.confirmed': 'Вы её получаете',
  'prefs.state.pending': 'Ждём вашего подтверждения (до тех пор ничего не отправляем)',
  'prefs.state.unsubscribed': 'Вы отписались',
  'prefs.state.none': 'Вы не подписаны',
  'prefs.all': 'Все ваши рассылки',
  'prefs.title': 'Ваши рассылки',
  'prefs.for':
    'Для адреса {email}. Эта страница только ваша: любой, у кого есть её адрес, может изменить эти настройки, поэтому не пересылайте её.',
  'prefs.complaint':
    'Мы больше ничего не отправляем на этот адрес: наше письмо было отмечено как нежелательное.',
  'prefs.bounce': 'Мы больше ничего не отправляем на этот адрес: письма на него не доходят.',
  'prefs.manual': 'Мы больше ничего не отправляем на этот адрес по просьбе его владельца.',
  'prefs.mistake': 'Если это ошибка, напишите в редакцию.',
  'prefs.unsubscribeFrom': 'Отписаться от рассылки «{name}»',
  'prefs.subscribeAgain': 'Снова подписаться на «{name}»',
  'prefs.signUpPage': 'Подписаться на странице рассылок',
  'prefs.unsubscribeAll': 'Отписаться от всего',
  'prefs.done.unsubscribe': 'Готово: вы отписались от этой рассылки.',
  'prefs.done.unsubscribeAll':
    'Готово: вы отписались от всех рассылок. Мы больше ничего вам не пришлём.',
  'prefs.done.resubscribe': 'Готово: вы снова подписаны.',
  'prefs.choose': 'Выберите одну из кнопок ниже.',
  'prefs.suppressed': 'Мы больше не можем писать на этот адрес; ничего не изменилось.',
  'prefs.nothing': 'Менять нечего: это уже сделано.',

  'money.amount':
    '{frequency, select, once {{amount} один раз} monthly {{amount} в месяц} other {{amount} в год}}',
  'money.frequency': '{frequency, select, once {Разово} monthly {Ежемесячно} other {Ежегодно}}',
  'money.method': '{method, select, card {Карта} bank {Банковский перевод} other {Криптовалюта}}',
  'chooser.howOften': 'Как часто',
  'chooser.amount':
    '{frequency, select, once {Сумма, разово} monthly {Сумма в месяц} other {Сумма в год}}',
  'chooser.other': 'Другая сумма, {currency}',
  'chooser.atLeast': '(не меньше {amount})',
  'chooser.payBy': 'Способ оплаты',
  'chooser.continue': 'Продолжить',
  'chooser.accept': 'Способы оплаты: {methods}.',
  'chooser.alsoIn': 'Суммы в {currency}; можно и в {list}.',

  'support.banner': 'Поддержите нас',
  'support.contribute': 'Поддержать',
  'support.notReady': 'Сегодня не готовы? {button}',
  'support.remindLater': 'Напомнить позже',
  'support.orByEmail': '(или {link})',
  'support.byEmailOnce': 'один раз по почте',
  'support.testMode': 'ТЕСТОВЫЙ РЕЖИМ',
  'support.testModeText': '— платёжная система не подключена. Деньги не списываются.',
  'support.givingFrom': 'Откуда вы переводите',
  'support.anywhereElse': 'Из другой страны',
  'support.showSafer': 'Показать безопасные способы',
  'support.testCheckout': 'Тестовая оплата',
  'support.testCheckoutText':
    'Эта страница заменяет страницу оплаты платёжной системы. Когда задан ключ Stripe, читатели попадают в Stripe.',
  'support.testEmail': 'Почта',
  'support.testEmailNote': '(необязательно; настоящая платёжная система её спрашивает)',
  'support.testPay': 'Оплатить {amount} (тест)',
  'support.testCancel': 'Отменить и вернуться',
  'support.checkoutFinished': 'Эта оплата завершена ({status}).',
  'support.thanks': 'Спасибо',
  'support.thanksText':
    'Благодаря вам «{site}» продолжает работать. Квитанцию пришлёт по почте платёжная система.',
  'support.thanksCookie':
    'Ещё {days, plural, one {# день} few {# дня} many {# дней} other {# дня}} мы не будем просить вас о поддержке на этом устройстве. Чтобы это запомнить, мы ставим одну маленькую cookie: в ней только дата и ничего о вас.',
  'support.thanksManage':
    'Чтобы потом изменить или отменить ежемесячный или ежегодный платёж, {link}.',
  'support.askLink': 'запросите ссылку по почте',
  'support.cancelled': 'Оплата не прошла',
  'support.cancelledText': 'Вы ушли со страницы оплаты, не заплатив. Деньги не списаны.',
  'support.chooseAgain': 'Выбрать снова',
  'support.bankTitle': 'Поддержать банковским переводом',
  'support.cryptoTitle': 'Поддержать криптовалютой',
  'support.chose': 'Вы выбрали: {amount}.',
  'support.sendOnce': 'Переведите один раз по реквизитам ниже.',
  'support.standingOrder':
    'Настройте регулярный перевод (или напоминание) по реквизитам ниже: сами мы списать его не можем.',
  'support.address': 'Адрес:',
  'support.notRecorded':
    'Этот сайт ничего не записывает об этом платеже: редакция просто увидит поступление на счёт.',
  'support.chooseAnother': 'Выбрать другой способ',
  'support.checkAmount': 'Проверьте сумму',
  'support.checkForm': 'Проверьте форму',
  'support.reminderSet': 'Напоминание сохранено',
  'checkout.typeNumber': 'Введите сумму числом, например 10 или 7,50.',
  'checkout.chooseAmount': 'Выберите одну из сумм или введите свою.',
  'checkout.negative': 'Сумма не может быть отрицательной.',
  'checkout.belowMinimum': 'Наименьшая сумма, которую мы можем принять, — {amount}.',
  'checkout.tooLarge':
    'Это больше, чем мы принимаем за один раз ({amount}). О крупных пожертвованиях напишите нам.',
  'checkout.tooPrecise': 'У {currency} нет единицы меньше {amount}; округлите сумму.',
  'checkout.currency': 'Эту валюту мы не принимаем. Выберите одну из списка.',
  'checkout.frequency': 'Выберите, как часто: разово, ежемесячно или ежегодно.',
  'checkout.method': 'Этот способ оплаты здесь недоступен. Выберите другой.',
  'checkout.providerFailed':
    'Не удалось открыть страницу оплаты. Деньги не списаны; попробуйте ещё раз через минуту.',
  'supporter.manageTitle': 'Управление поддержкой',
  'supporter.linkSent':
    'Если с этого адреса оформлен ежемесячный или ежегодный платёж, ссылка для его изменения или отмены уже в пути. Она действует 24 часа.',
  'supporter.expired': 'Ссылка устарела или неверна. Запросите новую ниже.',
  'supporter.giveEmail':
    'Укажите адрес почты, с которым вы платили. Мы пришлём туда ссылку: ни учётная запись, ни пароль не нужны.',
  'supporter.sendLink': 'Прислать ссылку',
  'supporter.yourSupport': 'Ваша поддержка',
  'supporter.since': '{amount}, с {date}.',
  'supporter.thankYou': 'Спасибо.',
  'supporter.cancelled': 'Этот платёж отменён.',
  'supporter.status': 'Состояние: {status}.',
  'supporter.changeAtStripe': 'Изменить или отменить в Stripe',
  'supporter.cancelTest': 'Отменить этот платёж (тест)',
  'supporter.remindTitle': 'Напомнить по почте',
  'supporter.remindDone':
    'Готово. Мы пришлём одно письмо в выбранном месяце, а потом удалим ваш адрес.',
  'supporter.whichMonth': 'В каком месяце?',
  'supporter.remindOnce': 'Напомнить один раз',

  'reach.title': 'Как до нас добраться',
  'reach.description':
    'Все адреса издания «{site}»: зеркала, Tor, ленты, рассылка и другие пути на случай блокировки.',
  'reach.group.primary': 'Наш основной адрес',
  'reach.group.mirror': 'Зеркала: тот же сайт по другим адресам',
  'reach.group.onion': 'Tor Browser',
  'reach.group.feed': 'Ленты',
  'reach.group.newsletter': 'По почте',
  'reach.group.other': 'Другие пути',
  'reach.standfirst':
    'Если «{site}» у вас заблокирован, эти адреса ведут в ту же редакцию. Запишите их или сохраните эту страницу: когда один адрес перестанет открываться, попробуйте следующий.',
  'reach.none':
    'Редакция пока не указала других адресов. Ленты работают везде, где открывается эта страница: {rss}, {atom}, {json}.',
  'reach.torOnly': 'Эти адреса открываются только в Tor Browser.',
  'reach.changed': 'Список последний раз менялся {date}.',
  'reach.genuine': 'Этот список настоящий?',
  'reach.signed':
    'Копия этой страницы на чужом адресе может подсовывать чужие адреса. Тот же список лежит по адресу {link} и подписан ключом редакции (Ed25519). Подписанный список, который не сходится с этим открытым ключом, написали не мы:',
  'reach.compare':
    'Сверьте ключ с тем, что вы получили от нас другим путём (из рассылки, с печатной карточки, при прошлом визите). Любой может проверить копию командой {command}.',
  'reach.unsigned':
    'Этот список пока не подписан: доверяйте ему настолько, насколько доверяете адресу, на котором его читаете. Тот же список лежит по адресу {link}.',
  'reach.takeAway': 'Возьмите новости с собой',
  'reach.download':
    'Скачать {stories, plural, =1 {последний материал} one {последний # материал} few {последние # материала} many {последние # материалов} other {последние # материала}} одним файлом',
  'reach.fileNote':
    '(HTML, {size}). Он открывается в любом браузере без интернета, содержит эти адреса, и его можно передавать дальше.',
  'reach.megabytes': '{size} МБ',
  'reach.kilobytes': '{size} КБ',

  'email.confirm.subject': 'Подтвердите подписку на рассылку «{name}»',
  'email.confirm.ask': 'Пожалуйста, подтвердите, что хотите получать рассылку «{name}»:',
  'email.confirm.askCadence':
    'Пожалуйста, подтвердите, что хотите получать рассылку «{name}» ({cadence}):',
  'email.confirm.until':
    'Пока вы не подтвердите подписку, мы ничего больше не пришлём. Если вы не подписывались, просто не обращайте внимания на это письмо — «{site}» больше вам не напишет.',
  'email.confirm.untilShort':
    'Пока вы не подтвердите подписку, мы ничего больше не пришлём. Если вы не подписывались, просто не обращайте внимания на это письмо.',
  'email.confirm.yes': 'Да, присылайте',
  // Отказы читательских форм, по коду ошибки (site/routes/reader-problems.ts).
  'problem.chooseMonth': 'Выберите месяц из списка.',
  'problem.noNewsletter': 'Такой рассылки нет. Выберите её на странице рассылок.',
  'newsletter.oneClick': 'Вы отписаны.',
  'newsletter.managePrefs': 'Ваши рассылки: изменить или отписаться',
  'supporter.consent':
    'Прошу один раз написать мне ({month}) и напомнить о поддержке {site}. {site} хранит мой адрес только до этого письма, а затем удаляет его.',
  'supporter.chosenMonth': 'в выбранный мной месяц',

  // Письма читателям, на языке той версии сайта, откуда они пришли.
  'email.manage.subject': 'Управление поддержкой {site}',
  'email.manage.asked':
    'Кто-то (надеемся, вы) попросил ссылку для управления регулярной поддержкой {site}.',
  'email.manage.follow':
    'Перейдите по ссылке в течение 24 часов, чтобы изменить или отменить взнос:',
  'email.manage.notYou':
    'Если это были не вы, просто не обращайте внимания на письмо: ничего не изменится.',
  'email.reminder.subject': 'Напоминание от {site}, как вы просили',
  'email.reminder.asked': 'Вы просили напомнить вам о поддержке {site} ({month}).',
  'email.reminder.here': 'Если захотите, это можно сделать здесь: {link}',
  'email.reminder.deleted': 'Это единственное наше письмо: ваш адрес уже удалён.',
  'email.edition.browser': 'Открыть в браузере',
  'email.edition.story': 'Читать материал',
  'email.edition.why': 'Вы получаете «{name}», потому что подписались на адрес {email}.',
  'email.edition.unsubscribe': 'Отписаться или выбрать другие рассылки',
  'email.edition.privacy': 'Конфиденциальность',
  'email.footer.blocked': 'Если наш сайт заблокирован, мы здесь: {list}',
  'email.footer.everyWay': 'Все способы нас найти: {link}',

  // Офлайн-выпуск.
  'offline.title': '{site}: последние материалы, {date}',
  'offline.heading': 'Последние материалы',
  'offline.made':
    'Собрано {time}{stories, plural, =0 {} one {; здесь # самый новый материал} few {; здесь # самых новых материала} many {; здесь # самых новых материалов} other {; здесь # самого нового материала}}. Интернет не нужен: сохраните файл, копируйте и передавайте дальше.',
  'offline.contents': 'Содержание',
  'offline.by': 'Текст: {byline}',
  'offline.online': 'В интернете:',
  'offline.back': 'К содержанию',
  'offline.picture': '[Изображение: {alt}]',
  'offline.reachText':
    'Если {site} заблокирован там, где вы находитесь, эти адреса ведут к той же редакции. Когда один перестанет открываться, попробуйте следующий.',
  'offline.noAddresses': 'Редакция пока не указала других адресов.',
  'offline.signed':
    'Редакция подписывает этот список (/reach.json на любом из её адресов) этим открытым ключом (Ed25519). Список, подписанный другим ключом, составили не мы:',
  'offline.unsigned':
    'Редакция пока не подписывает свой список: доверяйте копии настолько, насколько доверяете её источнику.',
  'offline.kind':
    '{kind, select, primary {Основной адрес} mirror {Зеркало} onion {Tor (onion-адрес)} feed {Лента} newsletter {Рассылка} other {Другой способ}}',
}
