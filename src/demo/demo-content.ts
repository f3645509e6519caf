/**
 * Demo publication for `masthead seed --demo`: The Lantern, an invented independent newsroom
 * reporting from exile on the Republic of Varesia, an invented country. Every person, place,
 * institution, figure and quotation below is fiction.
 */

export interface DemoSection {
  slug: string
  name: string
  description: string
}

export interface DemoAuthor {
  slug: string
  name: string
  role: string
  bio: string
}

export interface DemoAgency {
  slug: string
  name: string
}

export interface DemoTopic {
  slug: string
  name: string
  description: string
}

export type DemoCredit = { author: string } | { guest: string } | { agency: string }

export type DemoBlock =
  | string
  | { h2: string }
  | { quote: string; cite?: string }
  | { image: { alt: string; caption: string; credit: string } }

export interface DemoArticle {
  /** Lowercase, a-z0-9 and hyphens, unique, at most 70 characters. */
  slug: string
  /** A DemoSection slug. */
  section: string
  /** Optional short label shown above the headline. */
  kicker?: string
  headline: string
  /** One-sentence dek. */
  standfirst?: string
  /** One to three DemoTopic slugs. */
  topics: string[]
  /** Ordered byline: author slugs, guest names and agency slugs in any mix. */
  credits: DemoCredit[]
  /** Published this many hours before the seed runs. */
  hoursAgo: number
  /** Updated this many hours after publication (less than hoursAgo). */
  updatedHoursAfter?: number
  lead: { alt: string; caption: string; credit: string }
  body: DemoBlock[]
  /** Defaults to 'en'. */
  language?: string
  /**
   * The slug of the English demo story this one translates, so the seed can link the two as
   * translations of each other. Absent on stories written in one language only.
   */
  translationOf?: string
}

export const sections: DemoSection[] = [
  {
    slug: 'politics',
    name: 'Politics',
    description: 'Power, parliament and the referendum: how Varesia is governed, and by whom.',
  },
  {
    slug: 'economy',
    name: 'Economy',
    description: 'Prices, wages, the crown and the state companies that shape everyday life.',
  },
  {
    slug: 'society',
    name: 'Society',
    description: 'Health, housing, work and family life in Varesian cities and villages.',
  },
  {
    slug: 'world',
    name: 'World',
    description: 'Varesia’s neighbours, the Arvane Council and the diaspora abroad.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Books, stage, screen, music and heritage, at home and in exile.',
  },
  {
    slug: 'science',
    name: 'Science',
    description: 'Climate, nature, medicine and technology, explained with evidence.',
  },
]

export const authors: DemoAuthor[] = [
  {
    slug: 'ilona-vasker',
    name: 'Ilona Vasker',
    role: 'Political editor',
    bio: 'Ilona covered the National Assembly in Orlan for eleven years before leaving Varesia with the rest of the newsroom. She writes about elections, parliament and the officials who run them.',
  },
  {
    slug: 'teodor-brannik',
    name: 'Teodor Brannik',
    role: 'Economics correspondent',
    bio: 'A former bank analyst, Teodor follows prices, wages, the crown and the state companies that dominate the Varesian economy. He is happiest with a spreadsheet and a stack of receipts.',
  },
  {
    slug: 'mira-kostelna',
    name: 'Mira Kostelna',
    role: 'Society reporter',
    bio: 'Mira reports on health care, housing and social policy, and on the people who fall through the gaps between them. Before joining The Lantern she worked as a nurse in Tessny.',
  },
  {
    slug: 'aren-holub',
    name: 'Aren Holub',
    role: 'Investigations and courts editor',
    bio: 'Aren leads The Lantern’s investigations unit and follows political trials. He trained as a lawyer in Orlan and has spent fifteen years reading documents that officials hoped nobody would read.',
  },
  {
    slug: 'lidia-varnay',
    name: 'Lidia Varnay',
    role: 'World and diaspora correspondent',
    bio: 'Based in Sael, Lidia covers Varesia’s neighbours, the Arvane Council and the lives of Varesians abroad. She writes in English and Russian.',
  },
  {
    slug: 'pavel-dunec',
    name: 'Pavel Dunec',
    role: 'Culture editor',
    bio: 'Pavel writes about books, theatre, film and music, and about artists who keep working when the stage is taken away. He was previously a theatre critic for a Tessny daily.',
  },
  {
    slug: 'sanna-velt',
    name: 'Sanna Velt',
    role: 'Science and environment reporter',
    bio: 'A hydrologist by training, Sanna covers climate, nature, public health and technology. She likes stories that begin with a dataset and end in a field.',
  },
  {
    slug: 'yuri-tamberg',
    name: 'Yuri Tamberg',
    role: 'Regions correspondent',
    bio: 'Yuri reports from Tessny, Kaluga Bay, Drevno and Mirsk with the help of a network of local contributors. He also takes many of the photographs you see on this site.',
  },
]

export const agencies: DemoAgency[] = [
  { slug: 'north-wire', name: 'North Wire' },
  { slug: 'baltic-press-service', name: 'Baltic Press Service' },
]

export const topics: DemoTopic[] = [
  {
    slug: 'editors-picks',
    name: 'Editors’ picks',
    description:
      'The stories our editors would not want you to miss; the weekly newsletter leads with them.',
  },
  {
    slug: 'elections',
    name: 'Elections',
    description:
      'Votes, referendums, election commissions and the volunteers who try to observe them.',
  },
  {
    slug: 'press-freedom',
    name: 'Press freedom',
    description:
      'Censorship, “foreign agent” rules, blocked websites and the journalists who work around them.',
  },
  {
    slug: 'energy',
    name: 'Energy',
    description: 'Gas, electricity, heating bills and the state energy company Varenergo.',
  },
  {
    slug: 'exile',
    name: 'Exile',
    description:
      'Varesians who have been forced to leave, and the communities they are building abroad.',
  },
  {
    slug: 'courts',
    name: 'Courts',
    description: 'Trials, judges, prisons, extradition and the law as it is actually applied.',
  },
  {
    slug: 'inflation',
    name: 'Prices and inflation',
    description: 'The cost of living, interest rates, the crown and the public budget.',
  },
  {
    slug: 'migration',
    name: 'Migration',
    description:
      'Who leaves Varesia, who stays, and the borders, visas and money that connect them.',
  },
  {
    slug: 'climate',
    name: 'Climate and environment',
    description: 'Rivers, lakes, forests, wildlife and a warming climate.',
  },
  {
    slug: 'housing',
    name: 'Housing and cities',
    description: 'Rents, utilities, public transport and how Varesian cities are run.',
  },
  {
    slug: 'labour',
    name: 'Work',
    description: 'Jobs, wages, pensions and the factories and ports that employ whole towns.',
  },
  {
    slug: 'health',
    name: 'Health',
    description: 'Hospitals, doctors, vaccines and access to care across the country.',
  },
  {
    slug: 'corruption',
    name: 'Corruption',
    description:
      'Public money, private interests and the audits and investigations that connect them.',
  },
  {
    slug: 'heritage',
    name: 'Heritage',
    description: 'Traditions, crafts, monuments and the people who keep them alive.',
  },
  {
    slug: 'technology',
    name: 'Technology',
    description: 'The internet, data, research and the tools used to control or to protect them.',
  },
]

export const articles: DemoArticle[] = [
  // Politics
  {
    slug: 'assembly-widens-foreign-agent-law-to-translators',
    section: 'politics',
    kicker: 'Press freedom',
    headline: 'Assembly widens “foreign agent” law to cover translators and freelance fixers',
    standfirst:
      'The amendments, passed in a single sitting, expose anyone who works for a media outlet registered abroad to fines, labels and a ban on public office.',
    topics: ['press-freedom', 'courts', 'editors-picks'],
    credits: [{ author: 'ilona-vasker' }],
    hoursAgo: 6,
    updatedHoursAfter: 3,
    lead: {
      alt: 'Deputies raise voting cards in a wood-panelled chamber beneath a large chandelier.',
      caption: 'Deputies vote on the amendments in the National Assembly in Orlan.',
      credit: 'Pool photo',
    },
    body: [
      'Varesia’s National Assembly has voted to extend the country’s “foreign agent” law to translators, drivers, researchers and anyone else who does paid work for a media organisation registered abroad. The amendments passed all three readings in a single sitting, with 151 deputies in favour, four against and the rest absent.',
      'Until now, only organisations and journalists receiving foreign funding could be placed on the register kept by the Ministry of Justice. The new wording covers any “person assisting in the preparation of materials” for a foreign outlet, a phrase that lawyers say could include a neighbour who lends a reporter a car.',
      { h2: 'Fines, labels and a ban on teaching' },
      'People placed on the register must mark every public post, including on personal social media accounts, with a 40-word disclaimer. A first failure to do so carries a fine of 50,000 crowns, roughly two months of an average salary, and a second can lead to a criminal case. Registered persons will also be barred from teaching at state schools and universities and from standing for any elected office.',
      {
        quote:
          'The law no longer describes what a foreign agent does. It describes who a foreign agent knows.',
        cite: 'Rada Kessel, constitutional lawyer',
      },
      'Speaker Valentina Morosh said the changes closed “loopholes used by hostile editorial offices to recruit Varesian citizens”. The Lantern is among 63 media organisations already on the register. We have never asked anyone inside the country to take risks on our behalf, and we will continue to protect the identity of everyone who helps us report.',
      'This article was updated after President Matvei Oslund signed the amendments into law, three hours after the vote. They take effect in ten days.',
    ],
  },
  {
    slug: 'orlan-east-by-election-record-low-turnout',
    section: 'politics',
    headline: 'Orlan East by-election ends with record low turnout after independent is struck off',
    standfirst:
      'Fewer than a quarter of registered voters took part, and the ruling Union party’s candidate faced no serious rival.',
    topics: ['elections'],
    credits: [{ author: 'ilona-vasker' }, { author: 'yuri-tamberg' }],
    hoursAgo: 30,
    lead: {
      alt: 'A polling station in a school gym with empty voting booths and a single official at a table.',
      caption: 'A polling station in the Orlan East constituency in mid-afternoon.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'The ruling Union party has held the Orlan East seat in the National Assembly after a by-election in which fewer than a quarter of voters cast a ballot. The Central Election Commission put turnout at 23.4 per cent, the lowest for any parliamentary contest since the commission began publishing figures by district.',
      'The winner, former deputy mayor Arkady Volsk, took 71 per cent of the vote. His closest rival, a pensioner nominated by the small Agrarian party, received 9 per cent. Nearly 12 per cent of ballots were declared spoiled, many of them, according to observers from the volunteer network Honest Count, marked with the name of a candidate who was not on the list.',
      'That candidate, schoolteacher and housing campaigner Yelena Sirotkina, was removed from the ballot three weeks before the vote after the district commission ruled that 1,140 of her 3,000 supporting signatures were invalid. Her appeal to the Orlan city court was rejected in a hearing that lasted 14 minutes.',
      'Honest Count said its observers were denied access to 19 of the constituency’s 46 polling stations and recorded suspicious jumps in turnout at two others in the final hour of voting. The commission said it had received no formal complaints.',
      'Orlan East, a district of prefabricated apartment blocks and shuttered textile mills, voted for opposition candidates in municipal elections nine years ago. The seat fell vacant when its previous deputy was appointed to the board of the state energy company Varenergo.',
    ],
  },
  {
    slug: 'open-varesia-congress-in-exile-elects-co-chairs',
    section: 'politics',
    kicker: 'Opposition',
    headline: 'Opposition congress in Sael elects two co-chairs and a plan to “vote where you are”',
    standfirst:
      'Open Varesia met entirely in exile for the first time, with delegates inside the country joining under assigned pseudonyms.',
    topics: ['elections', 'exile', 'editors-picks'],
    credits: [{ author: 'lidia-varnay' }],
    hoursAgo: 160,
    lead: {
      alt: 'Delegates sit at long tables in a conference hall while a woman speaks at a lectern.',
      caption: 'Delegates at the Open Varesia congress in Sael.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'The opposition alliance Open Varesia has elected economist Daria Lenk and former Tessny city councillor Tomas Ferrin as co-chairs at a two-day congress in a rented conference hall in Sael, the capital of neighbouring Lindmark. It was the first time the alliance has met entirely outside the country.',
      'About 240 delegates attended in person. A further 90 joined by video link from inside Varesia, with their cameras switched off and registered under pseudonyms assigned by the organisers. Votes were cast through an encrypted app, and the results were audited by two volunteers who had previously worked for the Central Election Commission.',
      'Lenk, 44, was a senior economist at the National Bank until she signed an open letter against the arrest of opposition leader Ivo Sadek, who is serving a nine-year sentence. Ferrin, 58, left Varesia after being charged with “discrediting state institutions” over a social media post about municipal bus contracts.',
      'The congress adopted a strategy for the constitutional referendum that it calls “vote where you are”. Rather than boycotting the vote, supporters are urged to reject the amendments, photograph their ballots where it is safe to do so and upload the images to an independent count. The plan divided delegates, and a motion calling for a boycott was defeated by 187 votes to 121.',
      'In her closing speech, Lenk acknowledged that the alliance had little influence over who holds power in Orlan. “What we can influence is whether people inside the country feel they are alone,” she told delegates.',
    ],
  },
  {
    slug: 'term-limit-referendum-what-would-change',
    section: 'politics',
    kicker: 'Explainer',
    headline: 'What the term-limit referendum would change, and what it would not',
    standfirst:
      'The constitutional amendments put to voters run to 46 pages. We read all of them so that you do not have to.',
    topics: ['elections', 'courts'],
    credits: [{ author: 'ilona-vasker' }],
    hoursAgo: 410,
    lead: {
      alt: 'A printed draft constitution with handwritten notes and coloured tabs lying on a desk.',
      caption:
        'An annotated copy of the draft amendments published by the Central Election Commission.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'Varesians will be asked a single question on referendum day: “Do you approve the amendments to the Constitution of the Republic of Varesia?” There is no option to approve some changes and reject others. The package, published by the Central Election Commission last week, contains 46 pages of new and rewritten articles, and state television has so far discussed only three of them. Printed copies will be available at polling stations, but the commission has said it will not post the text to voters, as it did before the last constitutional vote.',
      { h2: 'The clock goes back to zero' },
      'The headline change concerns the presidency. The current constitution limits a president to two consecutive six-year terms, and the amendments keep that limit but add a transitional clause stating that terms served before the new text takes effect “shall not be counted”. In practice this would allow President Matvei Oslund, who has led the country for 17 years under earlier versions of the rules, to stand twice more and remain in office until he is 83. Officials describe the clause as a technical consequence of adopting a new constitution; several Varesian lawyers we spoke to pointed out that the previous reset, eleven years ago, was described in exactly the same words.',
      { h2: 'Judges, governors and the Assembly' },
      'Less discussed are the changes to the courts. The president would gain the power to dismiss judges of the Constitutional Court on the recommendation of the Assembly’s speaker, and the number of judges would fall from 15 to 11. Regional governors, currently elected, would be appointed by the president from a shortlist drawn up by regional councils, a procedure that already applies in practice in four of the country’s nine regions. The court would also lose its power to review laws on its own initiative: only the president, the speaker and the prime minister could ask it to rule on whether a law is constitutional, and dismissed judges would forfeit the immunity from prosecution they currently keep for ten years after leaving office.',
      'The Assembly itself would lose the right to reject the president’s choice of prime minister more than once. After a second rejection, the president could dissolve the chamber and call fresh elections, which would be organised by a Central Election Commission whose chair he would now appoint directly. In the past decade the Assembly has rejected a nominee only once, but the possibility has shaped quiet negotiations between the presidency and the ruling party. Taken together, the changes remove most of the points at which another institution could say no to the presidency.',
      'The package also contains provisions that polls suggest most Varesians support. Pensions would be indexed to inflation at least once a year, the minimum wage could not fall below the official subsistence level, and the state would be obliged to maintain “accessible medical care in every district”. None of these requires a constitutional change, and the existing pension law already contains an indexation clause that has been suspended twice. “Nobody will vote against pensions,” said Rada Kessel, a constitutional lawyer who taught at Orlan State University until last year. “That is the point of putting them on the same ballot.”',
      'For the amendments to pass, more than half of those who vote must approve them, and unlike in earlier referendums there is no minimum turnout. Early voting will be open for a full week before polling day, and voters will be able to cast ballots at their workplaces, a practice that independent observers have repeatedly criticised as vulnerable to pressure from employers. For the first time, electronic voting machines will be used in about 30 per cent of polling stations, with no paper record that could be recounted. The volunteer network Honest Count says it will publish its own plain-language guide to the amendments, and to voters’ rights inside the polling station, before early voting begins.',
    ],
  },
  {
    slug: 'kaluga-bay-governor-dismissed-after-port-audit',
    section: 'politics',
    headline:
      'Kaluga Bay governor dismissed after audit finds 2.3 billion crowns missing from port upgrade',
    standfirst:
      'Stefan Ivask, a long-standing ally of the president, was removed by decree hours after the Audit Chamber published its report.',
    topics: ['corruption'],
    credits: [{ author: 'yuri-tamberg' }],
    hoursAgo: 96,
    updatedHoursAfter: 10,
    lead: {
      alt: 'Container cranes stand idle on a grey quay beside stacks of rusting shipping containers.',
      caption: 'The container terminal at Kaluga Bay Commercial Port.',
      credit: 'North Wire',
    },
    body: [
      'President Matvei Oslund has dismissed Stefan Ivask, governor of the Kaluga Bay region, citing “loss of trust”. The decree was published shortly after the state Audit Chamber released a report on the modernisation of the region’s commercial port, a project that was supposed to double the terminal’s container capacity by the end of last year.',
      'Auditors found that 2.3 billion crowns, about a fifth of the project’s budget, had been paid to contractors for work that was either never carried out or could not be verified. Two dredging contracts worth a combined 640 million crowns went to a company registered eleven days before the tender closed, at an Orlan address it shares with a dry-cleaning business.',
      'Ivask, who has governed the region for nine years, has not commented. Regional prosecutors said they had opened a criminal case for large-scale fraud but did not name any suspects. His deputy, Marina Kolb, has been appointed acting governor.',
      'Dockworkers in Kaluga Bay told The Lantern they were not surprised. “The new crane was delivered, photographed with the governor, and then it sat there for a year because nobody had built the rails for it,” said a crane operator who has worked at the port for 22 years and asked not to be named.',
      'It is the third dismissal of a regional governor in eighteen months. In both previous cases, the officials were later given posts in state companies and no charges were brought.',
      'Update: Regional prosecutors have since confirmed that two executives of the dredging contractor, Northfair Dredging, have been detained. Ivask has been questioned as a witness.',
    ],
  },
  {
    slug: 'leaked-memo-election-commission-observers',
    section: 'politics',
    kicker: 'Exclusive',
    headline: 'Leaked memo shows election commission plans to keep observers away from the count',
    standfirst:
      'An internal instruction seen by The Lantern tells local commissions to seat observers “no closer than five metres” and to stop all filming.',
    topics: ['elections', 'press-freedom'],
    credits: [{ author: 'aren-holub' }, { author: 'ilona-vasker' }],
    hoursAgo: 230,
    lead: {
      alt: 'Stacks of paper ballots bound with rubber bands on a table, photographed from above.',
      caption: 'Ballots from a previous election in Drevno awaiting a recount.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'The Central Election Commission has drafted instructions that would keep independent observers at least five metres from the tables where referendum ballots are counted and ban them from filming or photographing any part of the count, according to an internal document seen by The Lantern.',
      'The eleven-page memo, marked “for official use”, was shared with us by two people who work in regional election commissions. We checked its authenticity by comparing its formatting, registration numbers and signatures with published commission documents, and by contacting a third official who confirmed its contents but declined to share a copy.',
      { h2: 'A rule written for a problem' },
      'The memo refers explicitly to the last parliamentary election, when volunteers from the Honest Count network filmed commission members in two Tessny polling stations stacking unmarked ballots. Those videos were viewed more than four million times. The new instruction describes such recordings as “interference with the work of the commission” and tells chairs to call the police if observers refuse to stop filming.',
      {
        image: {
          alt: 'A page of a typed official document with a round stamp; names and signatures are blurred.',
          caption:
            'A page of the commission memo. We have blurred names and signatures to protect our sources.',
          credit: 'Aren Holub / The Lantern',
        },
      },
      'It also allows local commissions to limit the number of observers in a room to two, “taking into account the area of the premises”. Many rural polling stations are housed in a single classroom or a village club.',
      'The Central Election Commission did not respond to written questions. Its chair, Gleb Tarnau, told state television this month that observers were welcome and that the referendum would be “the most transparent vote in our history”.',
    ],
  },
  {
    slug: 'oslund-replaces-interior-minister-in-reshuffle',
    section: 'politics',
    headline: 'Oslund replaces interior minister in cabinet reshuffle ahead of referendum',
    topics: ['elections'],
    credits: [{ agency: 'north-wire' }],
    hoursAgo: 330,
    lead: {
      alt: 'Two men in dark suits shake hands in front of flags in an ornate hall.',
      caption:
        'Anatol Brisk, right, is presented as interior minister at the presidential palace in Orlan.',
      credit: 'Pool photo',
    },
    body: [
      'ORLAN (North Wire) — Varesian President Matvei Oslund has replaced Interior Minister Bogdan Sarev, the presidential press service said, in the largest cabinet reshuffle since Oslund’s re-election four years ago.',
      'Sarev, 61, who had headed the ministry for six years, was appointed deputy secretary of the Security Council. He is succeeded by Anatol Brisk, 52, who has commanded the national guard for the past five years. Oslund also named new ministers of transport and of digital development and merged the culture and tourism ministries into a single department. Prime Minister Ruslan Tevik keeps his post.',
      'In a televised statement, Oslund thanked Sarev for “maintaining order at a complex time” and said the new team would ensure “calm and stability” during the constitutional referendum. He gave no reason for the changes.',
      'Brisk is a career officer who has not previously held civilian office. The national guard, which he led, is responsible for policing mass events and was deployed during protests in Orlan and Tessny after the last presidential election.',
      'Analysts in Orlan said the reshuffle appeared to consolidate control of the security services under officials who report directly to the presidency rather than to the cabinet.',
    ],
  },
  {
    slug: 'opinion-a-referendum-cannot-decide-who-judges-the-judges',
    section: 'politics',
    kicker: 'Opinion',
    headline: 'A referendum cannot decide who gets to judge the judges',
    standfirst:
      'The proposed changes to the Constitutional Court would end the idea that any part of the state can say no to the president.',
    topics: ['courts', 'elections'],
    credits: [{ guest: 'Rada Kessel' }],
    hoursAgo: 380,
    lead: {
      alt: 'The columned facade of a neoclassical court building under an overcast sky.',
      caption: 'The Constitutional Court building in Orlan.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'For nine years I taught first-year law students in Orlan that a constitution does two things. It tells the state what it may do, and it tells the state who may stop it. The amendments Varesians will vote on in the referendum keep the first part and quietly remove the second.',
      'Today the fifteen judges of the Constitutional Court are appointed for a single twelve-year term and can be removed only by a vote of their own colleagues. It is not a perfect arrangement. The court has ruled against the government only a handful of times in the past decade, and never on a matter the presidency considered important, but the possibility was there, and officials drafting laws had to keep it in mind.',
      'Under the new text, the president may dismiss a judge for “conduct discrediting the honour of the court”, on the recommendation of the speaker of the Assembly. The phrase is not defined anywhere in Varesian law. A judge who writes a dissenting opinion the presidency dislikes would have no way of knowing whether it counts.',
      'Supporters of the amendments argue that the court needs to be more accountable. I agree that judges should answer to someone. But accountability to the person whose decisions you are meant to review is not accountability; it is supervision.',
      'Some readers will say that the court was never truly independent, so nothing is lost. I disagree. Weak institutions can grow stronger when political circumstances change, as they always eventually do, while institutions abolished in all but name are far harder to rebuild. That is what is on the ballot, underneath the promises about pensions.',
      'Rada Kessel is a constitutional lawyer. She taught at the law faculty of Orlan State University until last year, when her contract was not renewed.',
    ],
  },
  {
    slug: 'mirsk-residents-petition-to-recall-mayor-over-lakeside-project',
    section: 'politics',
    headline: 'Mirsk residents collect signatures to recall mayor over lakeside apartment project',
    standfirst:
      'Campaigners say a 14-storey development would cut off public access to the northern shore of Lake Mirsk.',
    topics: ['housing', 'corruption'],
    credits: [{ author: 'yuri-tamberg' }],
    hoursAgo: 520,
    lead: {
      alt: 'A wooden pier reaches into a calm lake at dusk, with a construction crane behind birch trees on the shore.',
      caption:
        'The public beach on the northern shore of Lake Mirsk, next to the planned building site.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'Residents of Mirsk have collected more than 6,000 signatures in a campaign to recall Mayor Oleg Prandt, who approved the construction of a 14-storey apartment complex on the northern shore of Lake Mirsk. Under the city charter, a recall referendum must be held if 10 per cent of registered voters, about 8,300 people, sign a petition within 60 days.',
      'The development, called Lakeside Residence, would be built on land that was a public park until the city council reclassified it as a “zone for mixed use” two years ago. The plans include a private promenade and a marina, and residents say the only public path to the beach would be a 200-metre strip between the building and a sewage pumping station.',
      'The developer, Mirsk Capital Construction, is owned by a company registered in the name of the mayor’s former business partner. Prandt has said he has no financial interest in the project and that it will bring “modern housing and 300 jobs” to the city.',
      'Volunteers have been collecting signatures at folding tables outside supermarkets and at the Sunday market. Anna Leskova, a retired biology teacher who coordinates the campaign, said two of them had been briefly detained by police for “holding an unauthorised public event” and released without charge.',
      'The recall mechanism, written into the city charter more than thirty years ago, has never been used successfully. City officials have already warned that every signature will be checked against the population register and that petitions with incomplete passport details will be rejected.',
    ],
  },
  {
    slug: 'rights-group-counts-412-political-prisoners',
    section: 'politics',
    kicker: 'Courts',
    headline: 'Rights group counts 412 political prisoners, the highest number since records began',
    standfirst:
      'More than a third were convicted over social media posts, according to the Kestrel Centre’s quarterly register.',
    topics: ['courts', 'press-freedom'],
    credits: [{ author: 'aren-holub' }],
    hoursAgo: 620,
    lead: {
      alt: 'Handwritten postcards pinned in rows to a corkboard, each addressed to a different name.',
      caption: 'Postcards written at a letter-writing evening for prisoners in Sael.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'The number of people imprisoned in Varesia for political reasons has reached 412, according to the Kestrel Centre, a human rights group that has kept a register since the protests that followed the presidential election four years ago. When the group published its first list, it named 38 people.',
      'The centre counts someone as a political prisoner when it concludes, after reviewing court documents, that they were prosecuted for exercising rights such as free speech or assembly, or that the charges were fabricated. Its lawyers reviewed 96 new cases in the last quarter and added 41 of them to the register.',
      'Of the 412, 147 were convicted of “discrediting state institutions” or “spreading knowingly false information”, mostly over social media posts. Fifty-three are journalists, bloggers or people convicted of helping media organisations. The longest sentence, 15 years, was handed to a former railway engineer in Drevno convicted of treason for sharing photographs of a freight yard in a private chat.',
      {
        quote:
          'Every quarter we think the number cannot grow any faster, and every quarter it does.',
        cite: 'Nadia Fromm, director of the Kestrel Centre',
      },
      'The Ministry of Justice does not recognise the category of political prisoner and says everyone on the list was lawfully convicted. The Kestrel Centre itself was declared an “undesirable organisation” last year, making any cooperation with it a criminal offence, and its staff now work from three countries.',
      'Relatives say conditions have worsened, with longer spells of solitary confinement and new restrictions on letters. Several have reported that correspondence written in languages other than Varesian is being returned unopened.',
    ],
  },

  // Economy
  {
    slug: 'national-bank-raises-key-rate-to-19-percent',
    section: 'economy',
    headline: 'National Bank raises key rate to 19 per cent as inflation reaches 14.2 per cent',
    standfirst:
      'It is the fourth increase this year and the largest single move since the crown crisis eight years ago.',
    topics: ['inflation'],
    credits: [{ author: 'teodor-brannik' }],
    hoursAgo: 20,
    updatedHoursAfter: 5,
    lead: {
      alt: 'The stone entrance of a bank headquarters with bronze doors and a row of flagpoles.',
      caption: 'The headquarters of the National Bank of Varesia on Embankment Street in Orlan.',
      credit: 'North Wire',
    },
    body: [
      'The National Bank of Varesia has raised its key interest rate by two percentage points to 19 per cent, surprising analysts who had expected a smaller increase. Annual consumer price inflation reached 14.2 per cent last month, according to the state statistics office, more than three times the bank’s official target of 4 per cent.',
      'In a statement, the bank’s board said price growth was being driven by “sustained consumer demand, labour shortages and the weakening of the crown”. Governor Irina Stallberg told reporters that the bank was prepared to raise rates further if inflation did not slow within two quarters.',
      'The decision makes borrowing more expensive for households already squeezed by rising prices. The average rate on new mortgages is now above 22 per cent, and the state’s subsidised mortgage programme for young families, capped at 8 per cent, ran out of money for the year within four months.',
      'Businesses have also warned about the cost of credit. The Union of Industrialists, normally cautious in its criticism of the authorities, said the increase would “freeze investment” in manufacturing. Several economists noted that much of the current inflation comes from state spending and import costs, which interest rates do little to address.',
      'Update: Hours after the decision, Prime Minister Ruslan Tevik said the government would ask the National Bank to “take into account the needs of the real economy”, the first public criticism of the bank’s policy by a senior official this year. The crown strengthened by 1.4 per cent against the Arvane mark after the announcement.',
    ],
  },
  {
    slug: 'crown-falls-to-record-low-against-arvane-mark',
    section: 'economy',
    headline: 'Varesian crown falls to record low against the Arvane mark',
    topics: ['inflation'],
    credits: [{ agency: 'baltic-press-service' }],
    hoursAgo: 260,
    lead: {
      alt: 'A currency exchange board outside a kiosk showing buy and sell rates in red digits.',
      caption: 'Exchange rates displayed outside a currency kiosk in central Orlan.',
      credit: 'Baltic Press Service',
    },
    body: [
      'ORLAN (BPS) — The Varesian crown fell to a record low of 121.6 per Arvane mark on the Orlan Currency Exchange, extending a slide that has taken it down by 18 per cent since the start of the year.',
      'Traders cited lower export revenue from timber and fertiliser, as well as strong demand for foreign currency from importers ahead of planned increases in customs duties. Dealers said the National Bank of Varesia sold the equivalent of 140 million marks from its reserves during the session; the bank did not comment on the interventions.',
      'The bank’s reserves stood at 31.8 billion marks at the end of last month, down from 36 billion a year earlier, according to official data.',
      'Finance Minister Pavel Drach said the exchange rate was “at a level that supports domestic producers” and ruled out capital controls. Queues formed at several exchange offices in Orlan and Tessny later in the day, with some limiting cash sales to the equivalent of 2,000 marks per customer.',
      'Imported goods make up about 40 per cent of the consumer price basket, and economists expect the fall to add between one and two percentage points to inflation over the next six months. Analysts at the Orlan brokerage Kernel Capital said the crown could weaken to 130 per mark by the end of the year if export prices stay low.',
    ],
  },
  {
    slug: 'kaluga-bay-port-cargo-volumes-fall-by-a-third',
    section: 'economy',
    kicker: 'Regions',
    headline: 'Empty berths at Kaluga Bay as cargo volumes fall by almost a third',
    standfirst:
      'The country’s largest port handled 31 per cent less freight than a year ago, and in the city around it the slowdown is visible everywhere.',
    topics: ['labour'],
    credits: [{ author: 'yuri-tamberg' }, { author: 'teodor-brannik' }],
    hoursAgo: 140,
    lead: {
      alt: 'Two tugboats moored at an empty quay with gantry cranes raised and no ships in sight.',
      caption: 'Berths 4 to 7 of Kaluga Bay Commercial Port, normally used by container ships.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'Kaluga Bay Commercial Port handled 8.9 million tonnes of cargo in the first nine months of the year, 31 per cent less than in the same period a year earlier, according to the port authority. Container traffic fell faster still, by 44 per cent, after two foreign shipping lines suspended their weekly calls.',
      'The port authority blamed “temporary logistical factors”. Shipping agents in the city point to more lasting ones: the Arvane Council’s stricter inspection rules for vessels calling at Varesian ports, higher insurance premiums, and the queues at the Vesk land border, which make it harder to move goods on to other markets.',
      { h2: 'A city built around the docks' },
      'About one in six working adults in Kaluga Bay is employed at the port or by businesses that depend on it, from trucking firms to ship chandlers. Bayline Terminals, the largest operator, has moved 600 dockworkers to three shifts a week, cutting their monthly pay by around 40 per cent.',
      {
        image: {
          alt: 'A row of truck cabs without trailers parked in a gravel lot beside warehouses.',
          caption: 'Idle trucks in a logistics yard on the road to the port.',
          credit: 'Yuri Tamberg / The Lantern',
        },
      },
      'On Harbour Street, where sailors’ bars and exchange offices once competed for custom, several shopfronts now carry “for rent” signs. “In a good month we had crews from twenty countries in here. Now it is the same six regulars,” said the owner of a bar that has been open for three decades.',
      'The regional government has promised subsidised loans for port-related businesses, but its budget of 300 million crowns is modest: it is less than the port authority lost in container fees alone in the first half of the year.',
    ],
  },
  {
    slug: 'household-heating-bills-to-rise-14-percent',
    section: 'economy',
    headline: 'Household heating bills to rise by 14 per cent, Varenergo confirms',
    standfirst:
      'It is the second increase in a year and comes as the state energy company reports record profits from exports.',
    topics: ['energy', 'inflation'],
    credits: [{ author: 'teodor-brannik' }],
    hoursAgo: 300,
    lead: {
      alt: 'Steam rises from the chimneys of a power plant behind rows of apartment blocks.',
      caption: 'The Orlan North combined heat and power plant, operated by Varenergo.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'Regulated tariffs for district heating and household gas will rise by 14 per cent from the start of the heating season, the state energy company Varenergo has confirmed after approval by the Energy Regulatory Commission. The increase follows a 9 per cent rise at the start of the year.',
      'For a typical two-room apartment in Orlan, the monthly heating bill will go up from about 3,100 crowns to 3,530 crowns in the winter months. The average pension is 21,400 crowns a month. Households spending more than 22 per cent of their income on utilities can apply for a subsidy, but the application requires documents from five different offices, and fewer than half of eligible households receive it, according to the Ministry of Social Policy’s own figures.',
      'Varenergo said the increase was needed to pay for repairs to heating networks, many of them more than half a century old. Its annual report shows that it spent 4.1 billion crowns on network maintenance last year, while paying a dividend of 38 billion crowns into the state budget.',
      'The company reported a record net profit for the first half of the year, largely thanks to higher prices for gas exported through its southern pipeline. Domestic sales accounted for just 12 per cent of its revenue.',
      'The regulator’s decision was published late on a Friday evening without the usual public consultation. A spokesperson said consultations had been “held in a working format with relevant stakeholders”.',
    ],
  },
  {
    slug: 'why-bread-costs-more-in-drevno-than-in-orlan',
    section: 'economy',
    kicker: 'Explainer',
    headline: 'Why a loaf of bread now costs more in Drevno than in Orlan',
    standfirst:
      'Food prices have risen fastest in the regions where incomes are lowest, so we followed a loaf from the field to the shelf to find out why.',
    topics: ['inflation', 'labour'],
    credits: [{ author: 'teodor-brannik' }],
    hoursAgo: 560,
    lead: {
      alt: 'Loaves of dark rye bread on wooden shelves in a small shop, each with a handwritten price tag.',
      caption: 'Rye bread on sale at a family bakery in Drevno’s old town.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'A standard 700-gram loaf of rye bread cost 94 crowns in a Drevno supermarket last month and 87 crowns in a branch of the same chain in Orlan, according to price data collected by The Lantern from the chain’s website and checked against receipts sent in by readers. Two years ago, the Drevno loaf was the cheaper of the two. Over the same period, average wages in the Drevno region have grown about half as fast as in the capital.',
      'The gap is not limited to bread. Regional data from the state statistics office shows that food prices in the Drevno region rose by 19.7 per cent over the past year, compared with 13.1 per cent in Orlan, and the difference is largest for staples such as flour, buckwheat, milk, eggs and sunflower oil. For a Drevno pensioner on the regional average of 19,800 crowns a month, those staples now take up more than a third of income.',
      { h2: 'The mill that closed' },
      'Part of the explanation lies 40 kilometres north of the city, in the village of Holmy, where the region’s last large flour mill shut down eighteen months ago. Its owner, an agricultural holding based in Orlan, moved production to a newer mill near the capital. Grain grown in the fields around Drevno is now trucked more than 400 kilometres to be milled, and the flour is trucked back again, at a time when diesel prices have risen by a quarter in a year and hauliers add a surcharge to every delivery.',
      '“Every loaf carries the cost of two long drives,” said Inna Sorvik, who runs a family bakery in Drevno’s old town and has raised her prices three times this year. She now buys enough flour to last two months at a time, tying up money she would otherwise use to pay her four employees, because she no longer trusts that the next delivery will arrive at the same price.',
      'The other part of the story is competition. Five years ago, Drevno had three supermarket chains and a network of cooperative shops in the surrounding villages. Today a single chain accounts for most grocery sales in the region, after buying out a rival and opening discount stores next to the cooperative shops, most of which have since closed. The regional competition authority opened an inquiry into the chain’s pricing two years ago and has not published any findings.',
      {
        quote:
          'In Orlan, if one supermarket raises its prices, people walk across the street. In Drevno, there is no street to walk across.',
        cite: 'Milena Tash, economist at the Regional Studies Institute in Sael',
      },
      'The government has responded with voluntary price agreements, under which retailers promise to cap their margins on a list of 24 basic goods. Shop workers in Drevno told us the capped products were often out of stock or replaced by larger packs not covered by the agreement. The Ministry of Economic Development says the agreements have “stabilised the consumer basket” and has extended them for another six months.',
    ],
  },
  {
    slug: 'opinion-promising-to-index-pensions-is-the-easy-part',
    section: 'economy',
    kicker: 'Opinion',
    headline: 'Promising to index pensions is easy. Paying for it is the hard part',
    standfirst:
      'The constitutional guarantee on pensions sounds generous, but the pension fund is already running a deficit of 2 per cent of GDP.',
    topics: ['inflation', 'labour'],
    credits: [{ guest: 'Oskar Velling' }],
    hoursAgo: 470,
    lead: {
      alt: 'An elderly man counts coins in his palm at a market stall selling vegetables.',
      caption: 'A shopper at the central market in Tessny.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'The amendments on the referendum ballot include a promise that pensions will be indexed to inflation at least once a year. Few people will object, and neither do I. For most of my career at the National Bank I argued that pensioners bear the highest cost of inflation, because their income is fixed and their spending goes on food, medicine and utilities, the prices that rise fastest.',
      'But a guarantee in the constitution is only as good as the budget behind it. The State Pension Fund ran a deficit of about 2 per cent of GDP last year, covered by transfers from the state budget. There are now 1.6 workers paying contributions for every pensioner, down from 2.3 fifteen years ago, and the emigration of younger workers has worsened that ratio faster than any official forecast predicted.',
      'With inflation at around 13 per cent, full indexation would cost about 180 billion crowns next year. The government could raise taxes, cut other spending or borrow. It has ruled out the first, the draft budget shows security spending growing rather than shrinking, and borrowing at current interest rates is expensive. The fourth option, popular with governments in difficulty, is to index pensions to an official inflation figure lower than the one pensioners actually experience.',
      'That is my real concern. By my estimates, the goods pensioners actually buy have become about 17 per cent more expensive over the past year, several points above the headline rate. A constitutional promise tied to the headline figure would lock in a steady, invisible cut in real pensions while allowing officials to say that the constitution has been honoured.',
      'If the government wants to protect pensioners, it could start by publishing a separate price index for them, as the statistics office did until six years ago. It would cost almost nothing, and it would tell us whether the promise is being kept.',
      'Oskar Velling was deputy director of the research department at the National Bank of Varesia. He now teaches economics in Sael.',
    ],
  },
  {
    slug: 'tessny-tractor-works-moves-to-four-day-week',
    section: 'economy',
    headline: 'Tessny Tractor Works moves 4,000 staff to a four-day week as orders dry up',
    standfirst:
      'The plant, the city’s largest employer, says the measure is temporary. Workers say they have heard that before.',
    topics: ['labour'],
    credits: [{ author: 'yuri-tamberg' }],
    hoursAgo: 190,
    lead: {
      alt: 'Workers in blue overalls walk out of a factory gate at dusk under a large sign with a tractor logo.',
      caption: 'The end of a shift at Tessny Tractor Works.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'Tessny Tractor Works, one of Varesia’s largest manufacturers, will move about 4,000 of its 6,500 employees to a four-day week for at least three months, the company said in a notice to staff. Salaries will be cut in proportion to the hours worked, although the company will continue to pay full social contributions.',
      'The plant produced 2,100 tractors in the first half of the year, down from 3,400 a year earlier. Its main domestic customers, large agricultural holdings, have postponed purchases because of high interest rates, while exports have suffered from cheaper competition and difficulties in obtaining components.',
      'At a café across the road from the main gate, workers coming off the morning shift said the announcement was no surprise. Production lines had been idle for several days a month since the start of the year, and the canteen had already stopped serving evening meals.',
      {
        quote:
          'They say it is for three months. Two years ago they also said three months, and it lasted eleven.',
        cite: 'An assembly line worker with 23 years at the plant',
      },
      'The city administration said it would help affected workers find part-time jobs in municipal services. The local employment office lists 410 vacancies in Tessny, most of them in retail, delivery and care work, with an average advertised wage of about 38,000 crowns a month, roughly what a skilled machinist at the plant earned before the cut.',
      'The state owns 49 per cent of Tessny Tractor Works. Its general director, Viktor Hallen, said the company was negotiating new export contracts and expected to restore a full working week “as soon as the market stabilises”.',
    ],
  },
  {
    slug: 'draft-budget-deficit-widens-as-security-spending-grows',
    section: 'economy',
    headline: 'Draft budget shows deficit widening to 4.8% of GDP as security spending grows',
    standfirst:
      'Funding for the interior ministry and national guard rises by 27 per cent, while the health budget grows by 3 per cent.',
    topics: ['inflation'],
    credits: [{ agency: 'north-wire' }],
    hoursAgo: 700,
    lead: {
      alt: 'A minister holds up a thick bound document at a podium in front of a blue backdrop.',
      caption: 'Finance Minister Pavel Drach presents the draft budget in Orlan.',
      credit: 'Pool photo',
    },
    body: [
      'ORLAN (North Wire) — Varesia’s government has submitted a draft budget to the National Assembly projecting a deficit of 4.8 per cent of gross domestic product next year, up from an expected 3.1 per cent this year, as spending on security and public order rises sharply.',
      'The draft foresees total spending of 7.4 trillion crowns and revenues of 6.5 trillion. Allocations to the interior ministry and the national guard would grow by 27 per cent, while spending on health care would rise by 3 per cent and on education by 2 per cent, well below the current inflation rate of 12.8 per cent.',
      'Finance Minister Pavel Drach said the deficit would be financed mainly through domestic bond issues and by drawing on the National Welfare Reserve, which held the equivalent of 9.2 billion Arvane marks at the start of the month. He told deputies the government expected economic growth of 1.6 per cent next year.',
      'The draft also includes a new tax on bank profits above a set threshold and higher excise duties on tobacco, alcohol and fuel. Personal income tax rates remain unchanged.',
      'The National Assembly is expected to approve the budget in three readings before the end of the session. The ruling Union party holds 138 of the chamber’s 180 seats.',
    ],
  },
  {
    slug: 'remittances-from-varesians-abroad-reach-record',
    section: 'economy',
    kicker: 'Data',
    headline: 'Money sent home by Varesians abroad reaches a record 4.3 billion marks',
    standfirst:
      'Remittances now exceed the country’s timber exports, and for many families in small towns they have become the main source of income.',
    topics: ['migration', 'exile'],
    credits: [{ author: 'lidia-varnay' }, { author: 'teodor-brannik' }],
    hoursAgo: 880,
    lead: {
      alt: 'A woman at a bus stop holds a smartphone showing a money transfer app.',
      caption: 'A Varesian care worker in Sael sends money to her family in Drevno.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'Varesians living and working abroad sent home the equivalent of 4.3 billion Arvane marks last year, according to balance of payments data from the National Bank, the highest figure since the bank began publishing it. That is about 6 per cent of the country’s economic output and more than it earns from exporting timber and wood products.',
      'The growth reflects the scale of emigration. The Arvane Council’s statistics office estimates that about 1.1 million Varesian citizens now live in other member states, up from 700,000 five years ago. The largest community, some 310,000 people, is in Lindmark.',
      { h2: 'Whole streets living on transfers' },
      'In small towns the effect is stronger. In Rovna, a town of 14,000 in the Drevno region, the local branch of the state savings bank told our reporter that incoming transfers make up more than half of all deposits. “Every second house on this street has someone in Sael or further,” said a woman who runs a grocery shop there and whose two sons work in construction in Lindmark.',
      'Sending money has become harder, however. Since the beginning of the year, Varesian banks must report every incoming transfer above 100,000 crowns to the financial monitoring service, and transfers from people on the “foreign agent” register are blocked outright. Many migrants now use informal couriers or cryptocurrency, paying fees that can reach 7 per cent.',
      { h2: 'A cushion, not a plan' },
      'Economists say remittances have helped keep household spending stable despite high inflation, but warn against treating them as a substitute for growth. “Remittances pay for groceries and school shoes. They do not build factories,” said Milena Tash of the Regional Studies Institute in Sael. “And every family receiving them is a family that has already lost its youngest workers.”',
    ],
  },
  {
    slug: 'orlan-small-shops-turn-back-to-cash',
    section: 'economy',
    headline: 'Orlan’s small shops turn back to cash after new card-payment reporting rules',
    standfirst:
      'Traders say a requirement to report every card transaction to the tax service within a minute has pushed them and their customers away from terminals.',
    topics: ['technology', 'labour'],
    credits: [{ author: 'teodor-brannik' }, { guest: 'Nika Rast' }],
    hoursAgo: 760,
    lead: {
      alt: 'A handwritten sign taped to a shop counter beside a card terminal and a dish of coins.',
      caption: 'A sign reading “Cash preferred” at a kiosk in Orlan’s Old Market district.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'Handwritten signs asking customers to pay in cash have appeared in hundreds of small shops, kiosks and market stalls in Orlan since a new rule came into force requiring businesses to send data on every card payment to the State Tax Service within one minute.',
      'The rule, part of a package meant to bring the informal economy into the open, applies to businesses with annual turnover below 20 million crowns, which were previously allowed to file simplified quarterly returns. Traders must now buy certified terminals costing about 18,000 crowns and pay a monthly data transmission fee.',
      'At the Old Market, the city’s largest covered market, a survey of 60 stalls carried out for this article found that 41 were either refusing cards or offering a discount of between 3 and 5 per cent for cash. “My margin on cheese is 9 per cent,” said one trader. “The bank takes two, the terminal company takes one, and now the tax office wants to know how many grams I sold to whom.”',
      'Customers have their own reasons. Several shoppers at the market said they preferred not to leave a digital record of their purchases, citing reports that bank data had been used in criminal cases against people who donated to opposition groups.',
      'The State Tax Service says the share of cash in retail payments fell to 18 per cent last year and expects the new rules to push it lower. Figures from the National Bank, however, show cash withdrawals from ATMs in Orlan rising by 12 per cent in the two months after the rule took effect.',
      'Nika Rast is a freelance journalist in Orlan who writes under a pseudonym.',
    ],
  },

  // Society
  {
    slug: 'drevno-hospital-closes-maternity-ward',
    section: 'society',
    headline:
      'Drevno’s regional hospital closes maternity ward after its last two obstetricians leave',
    standfirst:
      'Expectant mothers in the region now face a journey of up to 190 kilometres to give birth.',
    topics: ['health', 'migration'],
    credits: [{ author: 'mira-kostelna' }],
    hoursAgo: 40,
    lead: {
      alt: 'A hospital corridor with closed doors, a folded wheelchair and a notice taped to a glass partition.',
      caption: 'The corridor of the maternity department at Drevno Regional Hospital.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'The maternity department of Drevno Regional Hospital has stopped admitting patients after its last two obstetricians resigned, the regional health department has confirmed. The unit delivered about 1,200 babies a year and was the only one serving a region of 480,000 people.',
      'Women due to give birth are being directed to the perinatal centre in Tessny, 190 kilometres away by road, or to a small clinic in the town of Vellin, which has eight beds and no neonatal intensive care. The health department says it has organised “round-the-clock ambulance support” for women in labour, but has not said how many ambulances have been assigned.',
      'Hospital staff told The Lantern that the department had been short of doctors for three years. Of the seven obstetricians who worked there, two retired, one moved to a private clinic in Orlan and four left the country, three of them for Lindmark, where Varesian medical diplomas can now be recognised in under a year.',
      'A midwife who has worked in the department for 19 years said nurses and midwives had stayed on and been reassigned to the gynaecology ward. “We have the beds, the equipment and the staff. We just do not have anyone allowed to sign the papers,” she said.',
      'The regional health minister, Dmitri Kolt, said the hospital was in talks with two doctors from other regions and expected to reopen the department “in the near future”. Salaries for obstetricians in Drevno start at about 64,000 crowns a month, roughly a third of what newly qualified doctors earn in Lindmark.',
    ],
  },
  {
    slug: 'orlan-student-rents-rise-as-dormitories-close',
    section: 'society',
    headline: 'Student rents in Orlan rise 27% as university closes two halls of residence',
    standfirst:
      'Orlan State University says the buildings are being renovated, leaving 1,800 students to search the private market.',
    topics: ['housing'],
    credits: [{ author: 'mira-kostelna' }],
    hoursAgo: 610,
    lead: {
      alt: 'A young woman with a backpack reads rental listings on a noticeboard covered with paper slips.',
      caption: 'Rental notices on a board near the main building of Orlan State University.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'The average rent for a room in a shared apartment near Orlan State University has reached 14,200 crowns a month, 27 per cent more than a year ago, according to listings analysed by the student union’s housing service. The standard state scholarship is 4,300 crowns.',
      'The increase follows the university’s decision to close two of its seven halls of residence for what it calls a “capital renovation”. The buildings on Lyceum Street housed 1,800 students. The university has published no timetable for the work, and former residents say no construction has begun.',
      'Second-year chemistry student Polina Aras, who lived in one of the closed halls, now shares a two-room apartment with three other students in the suburb of Kraslin, an hour and ten minutes from campus by bus. “I work evenings in a café to cover the rent, so on two days a week I miss the last lectures,” she said.',
      'Landlords say higher rents reflect higher costs. Mortgage rates above 20 per cent have put buying out of reach for most young families, increasing demand for rentals across the city. Agents also report that many apartments have been taken off the long-term market by owners who emigrated and now prefer short-term lets.',
      'The student union has asked the city to extend its rent subsidy, currently available only to families with children, to full-time students. The city housing committee said the request would be considered when next year’s budget is drafted.',
    ],
  },
  {
    slug: 'volunteer-drivers-take-mirsk-pensioners-to-clinics',
    section: 'society',
    kicker: 'Dispatch',
    headline: 'In Mirsk’s emptying villages, volunteer drivers are the last link to a doctor',
    standfirst:
      'Bus routes have been cut and village clinics closed, so a group of retirees with their own cars has filled the gap.',
    topics: ['health'],
    credits: [{ author: 'mira-kostelna' }],
    hoursAgo: 1010,
    lead: {
      alt: 'An elderly woman in a headscarf is helped into the passenger seat of a small hatchback on a muddy village road.',
      caption:
        'Volunteer driver Gennady Pelt collects a patient in the village of Sosnitsa, Mirsk district.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'Gennady Pelt’s day begins at six, when he checks the handwritten list on his kitchen table: three patients, two villages, one blood test and a cardiology appointment in Mirsk at 10.40. The retired bus mechanic, 68, has driven his eighteen-year-old hatchback more than 30,000 kilometres in the past two years, most of it for people he had never met before.',
      'He is one of 27 volunteers in Neighbours on the Road, an informal network that takes elderly residents of the villages around Lake Mirsk to medical appointments. The group was founded after the regional bus company cut 11 rural routes, citing falling passenger numbers, and the district health service merged 14 village clinics into three “medical hubs”.',
      {
        image: {
          alt: 'A spiral notebook open on a car dashboard, filled with handwritten names, times and village names.',
          caption:
            'Pelt keeps his schedule in a notebook; the network coordinates by phone and a group chat.',
          credit: 'Yuri Tamberg / The Lantern',
        },
      },
      'The drivers are not paid. Patients contribute what they can towards fuel, usually between 100 and 300 crowns a trip, and a local parish collects donations for car repairs. Coordinator Larisa Hemm, a former school secretary, keeps the schedule in a group chat and in a paper diary, “because the internet in the villages goes down when it rains”.',
      'Last year the network made about 2,600 trips. Hemm estimates that two-thirds of its passengers are women over 75 who live alone, many with children working abroad. “Their sons send money for the medicine. What they cannot send is a lift to the pharmacy,” she said.',
      'The district administration has praised the volunteers on its website but turned down the group’s request to cover fuel costs, saying there is no legal basis for paying private individuals to transport patients.',
    ],
  },
  {
    slug: 'ru-pasport-bez-konsulstva',
    section: 'society',
    kicker: 'Разбор',
    headline:
      'Паспорт без консульства: что делать варесийцам за границей, если срок документа истекает',
    standfirst:
      'Посольства Варесии всё чаще отказываются менять паспорта эмигрантам. Рассказываем, какие варианты остаются у тех, кто не может вернуться.',
    topics: ['exile', 'migration'],
    credits: [{ author: 'lidia-varnay' }],
    hoursAgo: 180,
    language: 'ru',
    lead: {
      alt: 'Раскрытый варесийский паспорт лежит на столе рядом с заполненной анкетой и ручкой.',
      caption: 'Паспорт гражданина Варесии и анкета на получение проездного документа в Линдмарке.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'За последние полгода в редакцию The Lantern написали больше двухсот читателей с одним и тем же вопросом: что делать, если срок действия паспорта подходит к концу, а возвращаться в Варесию небезопасно. Мы поговорили с юристами, сотрудниками миграционной службы Линдмарка и людьми, которые уже прошли этот путь.',
      { h2: 'Почему консульства отказывают' },
      'Формально закон не запрещает выдавать паспорта гражданам, которые живут за рубежом. Но с начала года посольство Варесии в Саэле принимает документы только у тех, кто состоит на консульском учёте, а людям из реестра «иностранных агентов» и тем, против кого возбуждены уголовные дела, отказывает без объяснения причин. По словам адвоката Инги Марш, которая консультирует эмигрантов в Саэле, некоторым заявителям прямо предлагают получить паспорт «по месту жительства», то есть в Варесии.',
      { h2: 'Какие есть варианты' },
      'Самый распространённый выход — проездной документ иностранца, который выдаёт миграционная служба Линдмарка. С ним можно путешествовать по странам Арванского совета, но въехать в Варесию по нему нельзя. Чтобы его получить, нужно доказать, что консульство отказало в выдаче паспорта или что обращаться туда опасно: обычно достаточно письменного отказа посольства или копии постановления о возбуждении дела. Рассмотрение занимает от шести до десяти недель, пошлина — 120 арванских марок.',
      'Тем, кто получил в Линдмарке статус беженца, выдают отдельный документ, но юристы советуют заранее взвесить последствия: подав на убежище, человек, как правило, теряет возможность безопасно ездить в Варесию, даже если ситуация там изменится. Для владельцев новых пятилетних разрешений на проживание, которые недавно ввели для журналистов, действует упрощённая процедура.',
      'Главный совет, который дают все наши собеседники, — не ждать последнего месяца. «Люди приходят, когда до конца срока паспорта осталось две недели, а очередь на подачу документов — полтора месяца, — говорит Марш. — Начинайте за полгода, сохраняйте всю переписку с посольством и сделайте копии каждой страницы старого паспорта».',
    ],
  },
  {
    slug: 'tessny-left-bank-without-hot-water',
    section: 'society',
    headline: 'Tessny’s Left Bank district enters its third week without hot water',
    standfirst:
      'About 40,000 residents have been heating water on their stoves since a main pipe burst, and the city now says repairs will take at least ten more days.',
    topics: ['housing', 'energy'],
    credits: [{ author: 'yuri-tamberg' }],
    hoursAgo: 120,
    updatedHoursAfter: 26,
    lead: {
      alt: 'A woman pours steaming water from a large pot into a plastic basin in a small tiled bathroom.',
      caption:
        'A resident of the Left Bank district heats water on her stove for her children’s bath.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'About 40,000 residents of Tessny’s Left Bank district have been without hot water for 19 days after a main pipe of the city’s district heating network burst beneath Foundry Avenue. City authorities initially said the repair would take three days.',
      'The pipe, laid when the district was built, carries hot water from the municipal power plant to 212 apartment blocks, two schools and a children’s clinic. Engineers from Tessny Heat Networks, the municipal company responsible, found that a 600-metre section had corroded and had to be replaced, but the company had no pipe of the right diameter in stock.',
      'Residents have been boiling water on stoves and visiting relatives in other parts of the city to bathe. The city has opened two public bathhouses free of charge for Left Bank residents, but queues at both have regularly exceeded two hours, and the children’s clinic has moved its treatment rooms to a school across the river.',
      {
        image: {
          alt: 'People with towels and plastic bags wait in a long line outside a brick bathhouse in the evening.',
          caption: 'Left Bank residents queue outside the municipal bathhouse on Mill Street.',
          credit: 'Yuri Tamberg / The Lantern',
        },
      },
      'Hundreds of residents gathered outside the district administration building last weekend to demand a date for the repairs. Police did not intervene, but several participants later received summonses to “preventive conversations”. A petition addressed to the president has collected 11,000 signatures.',
      'Tessny Heat Networks says only 38 per cent of its pipes are in satisfactory condition. Its budget for replacing worn pipes this year was 190 million crowns, enough for about 4 of the network’s 610 kilometres.',
      'Update: The city administration says the replacement pipe has arrived from a supplier in Kaluga Bay and that hot water will be restored “by the end of next week”. Residents will not be charged for hot water for the period of the outage.',
    ],
  },
  {
    slug: 'one-in-five-new-doctors-leaves-varesia',
    section: 'society',
    kicker: 'Data',
    headline: 'One in five new doctors leaves Varesia within two years of graduating',
    standfirst:
      'Our analysis of licensing records shows the exodus is fastest among anaesthetists, paediatricians and obstetricians.',
    topics: ['health', 'migration'],
    credits: [{ author: 'mira-kostelna' }, { author: 'sanna-velt' }],
    hoursAgo: 1100,
    lead: {
      alt: 'Medical graduates in white coats stand in rows for a group photograph on the steps of a university building.',
      caption: 'Graduates of the Orlan Medical Academy at their graduation ceremony.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'Of the 2,340 doctors who graduated from Varesia’s four medical academies three years ago, 487 no longer hold an active licence to practise in the country, according to an analysis by The Lantern of the Ministry of Health’s public register. At least 390 of them have since registered with medical councils in Arvane Council states, most of them in Lindmark.',
      { h2: 'How we counted' },
      'The ministry publishes a searchable register of licensed doctors but no data on departures. We matched graduation lists published by the four academies against the register and against the public registers of five Arvane Council countries, using names, dates of birth and specialties. Where a match was uncertain we excluded it, so the true figure is likely to be higher.',
      { h2: 'Who leaves' },
      'Departures are not evenly spread. Among graduates who trained as anaesthetists, 34 per cent have left; among paediatricians, 29 per cent; among obstetricians, 27 per cent. These are specialties with heavy night-shift workloads and, in Varesia, some of the lowest salaries relative to hours worked. Dentists and dermatologists, who more often work in private practice, were least likely to go.',
      'Young doctors interviewed for this article gave similar reasons: pay, workload and a sense that the profession had become politically exposed. Several mentioned a Tessny surgeon who was dismissed last year after signing a letter in support of detained protesters. “My professor told us to keep quiet and do our jobs. I wanted a job where keeping quiet is not part of the contract,” said a 27-year-old anaesthetist who now works in a hospital in Sael.',
      'The Ministry of Health said it did not comment on “unofficial calculations” and pointed to a programme offering 1.5 million crowns to doctors who agree to work in rural areas for five years. About 600 doctors signed up last year, according to the ministry.',
    ],
  },
  {
    slug: 'dozens-detained-at-pension-age-protests',
    section: 'society',
    headline: 'Dozens detained at small protests against plan to raise the pension age',
    standfirst:
      'The government wants to raise the retirement age by three years for both men and women over the next decade.',
    topics: ['labour'],
    credits: [{ author: 'mira-kostelna' }, { agency: 'baltic-press-service' }],
    hoursAgo: 1260,
    lead: {
      alt: 'A small group of older people hold hand-lettered cardboard signs on a pavement near a metro entrance.',
      caption: 'Protesters near Republic Square in Orlan.',
      credit: 'Baltic Press Service',
    },
    body: [
      'Police detained 46 people in Orlan, Tessny and Kaluga Bay during small protests against a government proposal to raise the retirement age, according to the Kestrel Centre, a human rights group that monitors detentions. Most were released after several hours with fines for taking part in an unauthorised gathering.',
      'In Orlan, about 200 people, many of them pensioners, gathered near Republic Square with cardboard signs reading “We paid, now you pay”. Police ordered the crowd to disperse after about 20 minutes, saying the gathering had not been approved by the city. Video posted by residents shows officers leading several elderly participants away by the arm.',
      'The proposal, published by the Ministry of Labour for public comment, would raise the pension age from 60 to 63 for women and from 63 to 66 for men, in annual steps of three months starting in two years. The ministry says the change is needed to balance the State Pension Fund, which is running a deficit.',
      'According to official data, life expectancy at birth for Varesian men is 67.8 years, and lower in rural regions, meaning many would draw a pension only briefly if the reform is adopted.',
      'A petition against the plan on the government’s own public initiatives portal has gathered more than 380,000 signatures, which under the portal’s rules obliges the government to respond formally within 90 days. Labour Minister Alla Kesterin said the ministry was “listening carefully” and that the final bill could include exceptions for people in physically demanding jobs.',
    ],
  },
  {
    slug: 'ten-winters-at-a-night-shelter-in-kaluga-bay',
    section: 'society',
    kicker: 'First person',
    headline: 'What I have learned from ten winters at a night shelter in Kaluga Bay',
    topics: ['housing'],
    credits: [{ guest: 'Hanna Rusel' }],
    hoursAgo: 1330,
    lead: {
      alt: 'Rows of neatly made camp beds with grey blankets in a large room with high windows.',
      caption: 'The sleeping hall of the Harbour Lights night shelter in Kaluga Bay.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'The doors of our shelter open at seven in the evening. By ten past, the 42 beds are usually taken, and by half past we are laying out mattresses in the dining room. I have worked here as a social worker for ten winters, and each has been busier than the last.',
      'People imagine the homeless as a single type of person. The man who has slept in bed 17 for most of the past month is a former ship’s electrician whose contract ended when his vessel stopped calling at the port. The woman in bed 3 left an abusive partner and cannot get a place in the city’s only crisis centre, which has nine rooms. Two young men from a village near Drevno came to work on a building site whose developer went bankrupt, and cannot afford a ticket home.',
      'What most of them have in common is paperwork. Without a registered address you cannot get a job with a contract, and without a job you cannot rent a room. Without a passport, which many people lose or have stolen on the street, you cannot join the municipal housing list, and replacing one costs 3,500 crowns and takes six weeks. We spend more of our time in government offices than in the shelter.',
      'Some things have improved. The city now pays for a doctor to visit twice a week, and a bakery on Anchor Street leaves us its unsold bread every night. But the number of beds has not changed since the shelter opened, and last winter we turned people away on 61 nights.',
      'I do not ask the people who come to us about their politics, and they do not ask about mine. But I notice who arrives. This year there are more people who once had steady jobs at the port, and more older people whose children have left the country and who have simply run out of money. A city loses its sailors, and the shelter fills up.',
      'Hanna Rusel is a social worker in Kaluga Bay. She has asked us not to publish her photograph.',
    ],
  },
  {
    slug: 'growing-up-between-languages-children-of-exile',
    section: 'society',
    kicker: 'Long read',
    headline: 'Growing up between two languages: the children of Varesia’s exiles',
    standfirst:
      'About 40,000 Varesian children now attend school in Lindmark, and their parents worry about what they are gaining and what they might lose.',
    topics: ['exile', 'migration'],
    credits: [{ author: 'lidia-varnay' }],
    hoursAgo: 850,
    lead: {
      alt: 'Children sit at desks in a bright classroom; a girl raises her hand while a teacher writes on a whiteboard.',
      caption: 'A Saturday Varesian-language class in a primary school building in Sael.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'On Saturday mornings, the primary school on Brewer Street in Sael changes language. From nine until one, its classrooms are rented by a parents’ association that teaches Varesian literature, history and grammar to 260 children, most of whom spend the rest of the week learning in Lindish. The youngest are five and the oldest fifteen, and many of them, their teachers say, now fall back on the language of the country they left only when they are tired or upset. Outside the gate, parents with thermos flasks trade news from home while they wait.',
      'About 40,000 Varesian children are enrolled in Lindmark’s schools, according to the country’s education ministry, roughly four times as many as five years ago. Most came with parents who moved for work. A growing share, perhaps a fifth by the parents’ association’s estimate, are the children of journalists, lawyers, activists and doctors who left because they no longer felt safe at home, and for these families the question of which language their children speak is rarely just a practical one. Some arrived with a few days’ notice, carrying a suitcase each and school reports their new teachers could not read.',
      { h2: 'A home language that is also a question' },
      'Irma Falk, a former television producer from Orlan, moved to Sael with her two sons three years ago. The elder, now 12, insists on speaking Lindish at home and is embarrassed when his mother speaks Varesian at the bus stop. “I understand it. He wants to be like the other boys,” she said. “But when he refuses to talk to his grandmother on the phone, I feel that the government took my job and now it is taking my family too.”',
      'Her younger son, who was four when they moved, has the opposite problem: his Varesian is fluent, but only in the vocabulary of the kitchen and the playground, and he has no words in it for most of what he learns at school. The Saturday school, which began with eight pupils in a flat, was set up for children like him. Its curriculum is written by volunteers, some of them teachers dismissed in Varesia for refusing to teach a new compulsory course on “patriotic values”, and it follows the Varesian programme in literature with one difference: it includes writers whose books have been removed from libraries at home.',
      {
        quote:
          'We are not teaching them to go back. We are teaching them that there is something to go back to, if they ever choose to.',
        cite: 'Marek Sollen, head teacher of the Saturday school',
      },
      'Lindmark’s government has been broadly supportive. Schools in Sael can apply for funding for mother-tongue classes if at least 12 pupils ask for them, and two state schools now offer Varesian as an elective subject. But officials also stress integration, and a new rule requires children who have lived in the country for more than two years to sit the national exams in Lindish with no extra time. Teachers say the rule is hardest on children who arrived at eleven or twelve, old enough to have started secondary school at home but too young to have finished learning to write well in either language.',
      'Parents are divided on how hard to push. For some, the Saturday school is a duty; for others, a source of guilt. Falk has stopped making her elder son attend. “I decided it is more important that he is happy here than that he reads the same books I read,” she said. “Maybe one day he will want them. The books will wait.”',
    ],
  },
  {
    slug: 'orlan-metro-lifts-five-years-late',
    section: 'society',
    headline:
      'Orlan metro’s promised lifts are five years late, and wheelchair users are still waiting',
    standfirst:
      'Only 9 of the network’s 48 stations are step-free, and the contract to fit lifts at 20 more has been cancelled twice.',
    topics: ['health', 'corruption'],
    credits: [{ author: 'mira-kostelna' }],
    hoursAgo: 1390,
    lead: {
      alt: 'A man in a wheelchair waits at the top of a long staircase leading down to a metro platform.',
      caption: 'The entrance to Embankment metro station, which has no lift.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'When Orlan’s city council approved its accessibility programme six years ago, it promised that by now at least 29 of the metro’s 48 stations would have lifts or ramps from street to platform. Today nine do, and the most recent of them opened before the programme began.',
      { h2: 'Two tenders, no lifts' },
      'The first contract, worth 3.8 billion crowns, was awarded to a consortium led by a construction company that had never installed a lift. It was cancelled after 18 months, when inspectors found design work finished for only three of the 20 stations. A second tender went to a different firm at a price 40 per cent higher and was cancelled last year after that firm’s director was arrested in an unrelated fraud case.',
      'The metro company says a third tender will be announced “after the necessary budget adjustments”. It has not said how much of the money paid under the first two contracts has been recovered.',
      'For Stepan Vedel, a 34-year-old software tester who uses a wheelchair, the delays turn a 25-minute journey to work into more than an hour on two buses. “The metro map is a map of places I cannot go,” he said. He has filed a complaint with the city prosecutor under the national disability rights law, which requires new and renovated public buildings to be accessible.',
      'Parents with prams and older people with limited mobility face the same barriers. A survey by the Orlan Disability Council found that 61 per cent of respondents who use mobility aids never travel by metro. The city transport department says low-floor buses now make up 70 per cent of its fleet.',
    ],
  },

  // World
  {
    slug: 'arvane-council-delays-decision-on-varesian-visas',
    section: 'world',
    headline: 'Arvane Council delays decision on tighter visa rules for Varesian citizens',
    standfirst:
      'Foreign ministers failed to agree on ending multiple-entry visas, with three member states opposed.',
    topics: ['migration'],
    credits: [{ agency: 'north-wire' }],
    hoursAgo: 12,
    updatedHoursAfter: 4,
    lead: {
      alt: 'Foreign ministers seated around a large round table with microphones and small flags.',
      caption: 'A meeting of Arvane Council foreign ministers in Vessar.',
      credit: 'North Wire',
    },
    body: [
      'VESSAR (North Wire) — Foreign ministers of the Arvane Council failed to agree on proposals to stop issuing multiple-entry visas to Varesian citizens, postponing a decision until their next meeting in two months, diplomats said.',
      'The proposal, backed by eight of the council’s eleven member states, would limit Varesians to single-entry visas valid for up to 30 days, with exceptions for family reunification, humanitarian cases and holders of residence permits. Supporters argue it would put pressure on the Varesian government ahead of the constitutional referendum.',
      'Three member states, including Lindmark, opposed the measure, arguing that it would mainly hurt ordinary Varesians, students and people fleeing persecution. Lindmark’s foreign minister, Elin Sauer, told reporters that “closing the door on Varesian society does not punish the Varesian government”.',
      'Decisions on common visa policy require unanimity. Diplomats said a compromise under discussion would keep multiple-entry visas for journalists, academics and civil society workers while tightening the rules for officials and employees of state companies.',
      'Update: Varesia’s foreign ministry called the discussion “interference in internal affairs” and said it would answer any restrictions with “symmetrical measures”.',
    ],
  },
  {
    slug: 'lindmark-extends-residence-permits-for-exiled-journalists',
    section: 'world',
    headline: 'Lindmark extends residence permits for exiled journalists to five years',
    standfirst:
      'The change ends a system of annual renewals that left media workers planning their lives from one appointment to the next.',
    topics: ['exile', 'press-freedom'],
    credits: [{ author: 'lidia-varnay' }],
    hoursAgo: 215,
    lead: {
      alt: 'A woman holds up a plastic residence card at a counter in an office with numbered service windows.',
      caption: 'The migration service office on Harbour Road in Sael.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'Lindmark will issue five-year residence permits to journalists and media workers forced to leave Varesia, its interior ministry has announced. Until now, people in this category received one-year permits that had to be renewed in person, a process that often took longer than the permit itself lasted.',
      'According to the ministry, about 1,100 Varesian media workers and family members live in Lindmark under the press protection scheme, created four years ago after the first wave of arrests of journalists in Orlan. Around 30 exiled newsrooms, including The Lantern, are based in the country.',
      'Under the new rules, applicants will need a letter from their employer or, for freelancers, from a recognised press association, as well as evidence that they cannot safely return to Varesia. After five years, permit holders will be able to apply for permanent residence.',
      {
        quote:
          'For four years my colleagues have planned their lives in twelve-month pieces. You cannot sign a lease, enrol a child in school or take out a loan that way.',
        cite: 'Jonas Erlich, chair of the Association of Exiled Media in Lindmark',
      },
      'The ministry also said it would open a dedicated office for applicants on Varesia’s “foreign agent” register, whose Varesian bank accounts are often frozen and who can struggle to prove their income.',
      'The decision comes as other Arvane Council members debate restricting visas for Varesian citizens. Lindmark has opposed the broader restrictions, and its government describes the press scheme as “a contribution to keeping Varesian society informed”.',
    ],
  },
  {
    slug: 'ru-lindmark-uproshchaet-priznanie-diplomov-vrachei',
    section: 'world',
    headline: 'Линдмарк упростит признание дипломов врачей из Варесии',
    standfirst:
      'Процедура, которая сейчас занимает до трёх лет, сократится до нескольких месяцев: власти рассчитывают закрыть нехватку медиков в небольших городах.',
    topics: ['migration', 'health'],
    credits: [{ author: 'lidia-varnay' }, { agency: 'baltic-press-service' }],
    hoursAgo: 1150,
    language: 'ru',
    lead: {
      alt: 'Врачи в белых халатах сидят в учебной аудитории и слушают преподавателя у доски с медицинскими схемами.',
      caption: 'Курсы профессионального языка для иностранных медиков в одной из больниц Саэля.',
      credit: 'Baltic Press Service',
    },
    body: [
      'Министерство здравоохранения Линдмарка объявило о новой процедуре признания дипломов врачей, получивших образование в Варесии. Вместо полного повторного экзамена по всем дисциплинам, на который сейчас уходит от полутора до трёх лет, врачи смогут пройти стажировку под наблюдением наставника и сдать экзамен по своей специальности и по профессиональному линдскому языку.',
      'По данным министерства, в Линдмарке живут около 1900 варесийских медиков, но по специальности работают меньше трети из них. Остальные устроились санитарами и сиделками или вовсе ушли из медицины, пока ждут признания документов. При этом больницам небольших городов страны не хватает примерно 600 врачей — прежде всего анестезиологов, педиатров и акушеров-гинекологов.',
      'Новая процедура рассчитана на врачей со стажем не меньше двух лет. Стажировка продлится от трёх до шести месяцев, и всё это время участники будут получать зарплату младшего врача. Места в первую очередь предложат больницы тех регионов, где кадров не хватает сильнее всего.',
      'Анестезиолог из Тессни Марина Кольц, которая сейчас работает сиделкой в доме престарелых под Саэлем, говорит, что ждала этого решения два года. «Я двенадцать лет простояла у операционного стола. Здесь я тоже помогаю людям, но мне хочется снова делать то, чему я училась», — рассказала она.',
      'В Варесии решение соседей встретили с тревогой. Профсоюз медицинских работников предупредил, что новые правила ускорят отъезд специалистов из страны, где, по его подсчётам, и так не хватает около 14 тысяч врачей. Министерство здравоохранения Варесии назвало инициативу Линдмарка «целенаправленным переманиванием кадров».',
    ],
  },
  {
    slug: 'truck-queues-at-vesk-border-crossing-reach-40-hours',
    section: 'world',
    headline: 'Truck queues at the Vesk border crossing stretch to 40 hours',
    standfirst:
      'Drivers wait in a 14-kilometre line after Lindmark’s customs service began inspecting every load of Varesian cargo.',
    topics: ['labour', 'migration'],
    credits: [{ author: 'lidia-varnay' }, { agency: 'baltic-press-service' }],
    hoursAgo: 940,
    lead: {
      alt: 'A long line of trucks parked nose to tail along a two-lane road through a pine forest.',
      caption: 'Trucks queue on the Varesian side of the Vesk border crossing.',
      credit: 'Baltic Press Service',
    },
    body: [
      'The line of trucks waiting to leave Varesia through the Vesk border crossing has stretched to 14 kilometres, with waits of up to 40 hours, according to the Varesian border service’s own online queue monitor.',
      'The queues began to grow after Lindmark’s customs service started inspecting every truck carrying Varesian goods, instead of a sample, in response to what it called “systematic mis-declaration” of timber and metal products. Each inspection takes about 90 minutes, and the crossing has six freight lanes.',
      {
        image: {
          alt: 'Two truck drivers cook on a camping stove on the grass verge beside their parked lorries.',
          caption: 'Drivers prepare a meal while waiting in the queue near the village of Kosta.',
          credit: 'Baltic Press Service',
        },
      },
      'Drivers described sleeping in their cabs and relying on a single roadside café for food and toilets. Regional authorities in Drevno have set up portable toilets and a water tank at two points along the road, and several drivers said they had run short of money for the fuel needed to run their heaters at night.',
      'Vesk is the busiest of four road crossings between the two countries and handles about 60 per cent of Varesia’s road freight to the Arvane Council. Varesian hauliers have asked the government to negotiate additional lanes, and the foreign ministry in Orlan has called the inspections a “discriminatory trade barrier”.',
      'Lindmark’s customs service said it had found irregularities, mostly undervalued cargo, in 7 per cent of the trucks inspected in the first fortnight, and that the checks would continue “as long as necessary”.',
    ],
  },
  {
    slug: 'varesia-signs-grain-for-fuel-deal-with-tarsa',
    section: 'world',
    headline: 'Varesia turns to distant Tarsa with a grain-for-fuel deal',
    standfirst:
      'The agreement would swap 1.2 million tonnes of wheat a year for diesel and aviation fuel, but traders doubt the logistics will work.',
    topics: ['energy'],
    credits: [{ author: 'teodor-brannik' }],
    hoursAgo: 1080,
    lead: {
      alt: 'Two officials sign leather folders at a table while others stand behind them applauding.',
      caption: 'Officials from Varesia and Tarsa sign the trade agreement in Orlan.',
      credit: 'Pool photo',
    },
    body: [
      'Varesia has signed a five-year agreement with the Republic of Tarsa to supply up to 1.2 million tonnes of wheat a year in exchange for diesel and aviation fuel, the Ministry of Economic Development said. The deal was signed in Orlan during a visit by Tarsa’s trade minister, the most senior Tarsan official to visit Varesia in a decade.',
      'It is the latest in a series of barter-style arrangements Varesia has pursued as trade with the Arvane Council has become more difficult. Payments will be settled through a clearing account at the state-owned Varesian Export Bank, with prices reset every quarter by reference to international exchange quotations.',
      'Traders were sceptical about the practical details. Tarsa lies more than 4,000 kilometres away by sea, and Kaluga Bay, Varesia’s only deep-water port, has no facilities for unloading the large tankers that would make fuel shipments economical. “On paper it balances. In a ship’s hold it is a different matter,” said an Orlan grain broker who asked not to be named because he trades with state companies.',
      'Domestic fuel prices have risen by a quarter this year, partly because the country’s only refinery, in Tessny, has run at reduced capacity since a fire in one of its processing units. The government has capped diesel prices for farmers during the harvest.',
      'Farmers’ associations welcomed the prospect of a new export market but warned that state grain buyers were offering prices below the cost of production. The agreement does not say who will buy the wheat from farmers, or at what price.',
    ],
  },
  {
    slug: 'arvane-commissioner-report-varesia-media-freedom',
    section: 'world',
    headline:
      'Arvane media commissioner finds “no independent newsroom left” operating openly in Varesia',
    standfirst:
      'Ines Halvard’s report, based on interviews with 70 journalists, calls for emergency funding for exiled media and visas for their sources.',
    topics: ['press-freedom', 'exile'],
    credits: [{ author: 'aren-holub' }],
    hoursAgo: 1180,
    lead: {
      alt: 'A woman with short grey hair speaks at a press conference with a stack of printed reports in front of her.',
      caption: 'Commissioner Ines Halvard presents her report in Vessar.',
      credit: 'North Wire',
    },
    body: [
      'The Arvane Council’s commissioner for media freedom, Ines Halvard, has concluded that no media organisation independent of the state can still operate openly inside Varesia. Her 84-page report, presented in Vessar, is the most detailed assessment of the country’s press by an international body since the presidential election four years ago.',
      { h2: 'Seventy interviews, no access' },
      'Halvard asked three times for permission to visit Orlan and received no reply. Her office instead interviewed 70 journalists, editors and media lawyers, most of them in exile and some by encrypted video from inside the country. The report names 49 journalists and media workers currently in prison and counts 58 media organisations on the “foreign agent” register, including The Lantern.',
      'It documents the practices that have made independent work inside the country almost impossible: the blocking of more than 2,000 websites, criminal cases against people who give interviews to foreign outlets, and tax inspections of printing houses that accepted orders from independent papers. The last privately owned daily, the Tessny Courier, closed fourteen months ago after its printer refused to renew its contract.',
      { h2: 'What the report recommends' },
      'Halvard calls on member states to create a joint fund for exiled media, to offer humanitarian visas to sources and fixers at risk of prosecution, and to treat Varesian requests to extradite journalists as politically motivated by default. She also urges technology companies to resist Varesian demands to remove content.',
      'Varesia’s foreign ministry dismissed the report as “a compilation of opinions from people who have chosen to serve foreign interests”. Arvane Council ministers are due to discuss its recommendations at their next meeting.',
    ],
  },
  {
    slug: 'lindmark-court-refuses-to-extradite-blogger-kasimir-lenz',
    section: 'world',
    kicker: 'Courts',
    headline:
      'Lindmark court refuses to extradite Varesian blogger wanted for “insulting the president”',
    standfirst:
      'Judges ruled that Kasimir Lenz would face a real risk of an unfair trial if he were sent back.',
    topics: ['courts', 'exile'],
    credits: [{ author: 'aren-holub' }, { author: 'lidia-varnay' }],
    hoursAgo: 4,
    updatedHoursAfter: 2,
    lead: {
      alt: 'A young bearded man with a backpack smiles as he walks down courthouse steps surrounded by reporters with microphones.',
      caption: 'Kasimir Lenz leaves Sael District Court after the ruling.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'A court in Sael has refused Varesia’s request to extradite Kasimir Lenz, a 29-year-old video blogger who has lived in Lindmark for two years and whose satirical channel has more than 600,000 subscribers. Varesian prosecutors had charged him with insulting the president and with “calls to extremist activity” over a series of videos about the constitutional referendum.',
      'The judges found that Lenz would face “a real and substantial risk” of an unfair trial and of detention in conditions incompatible with human dignity if returned. They noted that the charges rested entirely on the content of his videos, which they described as political satire protected by Lindmark’s constitution.',
      'Lenz was detained at Sael airport five weeks ago as he tried to board a flight to a conference, after Varesia put him on an international wanted list. He spent nine days in custody before being released under supervision. Varesian prosecutors have 14 days to appeal.',
      'Outside the court, Lenz thanked his lawyers and said he would record a new episode “tonight, as usual”. He said he was more worried about his parents, who still live in Mirsk and have been questioned twice by police since the case against him was opened.',
      'It is the fourth Varesian request to extradite a journalist or blogger that Lindmark’s courts have rejected in two years. None has been granted.',
      'Update: Varesia’s Prosecutor General’s Office said it would appeal and called the ruling “a politically motivated refusal to cooperate”.',
    ],
  },
  {
    slug: 'varesia-will-not-invite-arvane-referendum-observers',
    section: 'world',
    headline: 'Varesia will not invite Arvane Council observers to monitor referendum',
    standfirst:
      'The foreign ministry says “national observers are sufficient”, ending a practice that goes back more than twenty years.',
    topics: ['elections'],
    credits: [{ agency: 'north-wire' }],
    hoursAgo: 580,
    lead: {
      alt: 'A spokeswoman at a lectern with a microphone in front of a backdrop bearing a state emblem.',
      caption: 'Foreign ministry spokeswoman Olga Tessen at a briefing in Orlan.',
      credit: 'North Wire',
    },
    body: [
      'ORLAN (North Wire) — Varesia will not invite an election observation mission from the Arvane Council to monitor its constitutional referendum, a foreign ministry spokeswoman said, breaking with a practice followed at every national vote for more than two decades.',
      'Spokeswoman Olga Tessen told a weekly briefing that “national observers are sufficient to guarantee transparency” and that previous Arvane missions had produced “prejudiced assessments prepared in advance”. She said representatives of “friendly states” would be invited as guests of the Central Election Commission.',
      'The Arvane Council’s Office for Democratic Institutions, which has monitored seven Varesian elections, said it regretted the decision. Its mission to the last presidential election concluded that the vote was “efficiently administered but not genuinely competitive” and noted “serious irregularities during the count”.',
      'Observation missions are normally deployed only at the invitation of the host state. Without one, the office said, it would not be able to issue an assessment of the referendum.',
      'Varesian observer groups, including the volunteer network Honest Count, have said they intend to monitor the vote despite the restrictions, relying on volunteers and on photographs of official result protocols.',
    ],
  },
  {
    slug: 'a-million-varesians-abroad-nine-polling-stations',
    section: 'world',
    kicker: 'Referendum',
    headline: 'A million Varesians abroad, nine polling stations: how the diaspora will vote',
    standfirst:
      'The Central Election Commission will open polling stations only in embassies, leaving a single ballot box for some 310,000 citizens in Lindmark.',
    topics: ['elections', 'exile'],
    credits: [{ author: 'lidia-varnay' }, { author: 'ilona-vasker' }],
    hoursAgo: 290,
    lead: {
      alt: 'People in winter coats queue along an iron fence outside a consular building.',
      caption:
        'Varesian citizens queue outside the embassy in Sael during the last presidential election.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'Varesian citizens living abroad will be able to vote in the constitutional referendum at just nine polling stations, all of them inside embassies, according to a resolution published by the Central Election Commission. At the last presidential election there were 34, including stations at consulates and in rented halls in cities with large Varesian communities.',
      { h2: 'One ballot box for Lindmark' },
      'The cut is sharpest in Lindmark, home to the largest Varesian community abroad. The country will have a single polling station, at the embassy in Sael, compared with six last time. Voters in the port city of Kessholm and the university town of Aurel, each home to tens of thousands of Varesians, will have to travel up to 500 kilometres to vote.',
      'The commission said the changes reflected “the number of voters registered at consular offices”, which it put at 46,000 worldwide. That figure counts only citizens who have formally registered their residence abroad, a step many exiles avoid because it means giving their address to the Varesian state.',
      { h2: 'Queues and passports' },
      'Voting will also require a valid Varesian passport. Consulates have stopped issuing or renewing passports for many people on the “foreign agent” register and for those with open criminal cases, which in practice excludes much of the politically active diaspora. At the last presidential election, voters in Sael queued for up to eight hours, and the embassy closed its doors at 8pm with several hundred people still outside.',
      'Open Varesia and diaspora organisations have urged citizens abroad to vote anyway and are organising buses from Kessholm and Aurel to Sael on polling day. Organisers say they will also count how many people are turned away.',
    ],
  },
  {
    slug: 'new-power-link-lets-lindmark-stop-buying-varesian-electricity',
    section: 'world',
    headline: 'New power link lets Lindmark stop buying Varesian electricity',
    topics: ['energy'],
    credits: [{ agency: 'baltic-press-service' }],
    hoursAgo: 1240,
    lead: {
      alt: 'High-voltage transmission towers cross a snowy field towards a substation under a pale sky.',
      caption: 'The converter station at the western end of the new interconnector.',
      credit: 'Baltic Press Service',
    },
    body: [
      'SAEL (BPS) — Lindmark’s grid operator has put into service a new 700-megawatt electricity interconnector to its western neighbour, allowing the country to end imports of electricity from Varesia, the operator said.',
      'The 320-kilometre line, built over four years at a cost of 1.1 billion Arvane marks, was co-financed by the Arvane Council’s infrastructure fund. It connects the Lindmark grid to the western Arvane network, which it could previously reach only through Varesian territory.',
      'Until last year, Varesia supplied about 18 per cent of Lindmark’s electricity, mainly from the Kessa nuclear power station near Drevno. Lindmark’s government halted purchases after Varesia’s grid operator twice cut supplies during price disputes.',
      'Grid operator Lindnet said the interconnector would also let Lindmark export surplus wind power at times of high output. Wind farms on the country’s coast currently produce about a third of its electricity.',
      'Varenergo, Varesia’s state energy company, did not comment. According to its annual reports, electricity sales to Lindmark earned it about 340 million marks a year before the purchases stopped.',
      'Lindmark’s energy ministry said the country would keep its three remaining power lines to Varesia in place for emergencies but had no plans to resume regular imports. Two further interconnectors, to the south and across the strait to the east, are due to be completed within five years.',
    ],
  },

  // Culture
  {
    slug: 'banned-novel-the-salt-orchard-bestselling-audiobook',
    section: 'culture',
    kicker: 'Books',
    headline:
      'Banned at home, “The Salt Orchard” becomes the exile community’s bestselling audiobook',
    standfirst:
      'Hedda Morin’s novel about a family of fruit growers was pulled from shops after a state inspection; read by a celebrated actor, it has found 150,000 listeners.',
    topics: ['press-freedom', 'exile'],
    credits: [{ author: 'pavel-dunec' }],
    hoursAgo: 150,
    lead: {
      alt: 'A woman with long grey hair sits in a recording booth wearing headphones, reading from a printed manuscript.',
      caption: 'Actor Vera Sandell records “The Salt Orchard” in a studio in Sael.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'Eight months after it was removed from bookshops across Varesia, Hedda Morin’s novel “The Salt Orchard” has become the most downloaded audiobook among Varesian-speaking listeners, according to the independent publisher that released it. The recording has been downloaded about 150,000 times, a remarkable figure in a market where a print run of 5,000 copies counts as a success.',
      'The novel follows three generations of apple growers near Kaluga Bay whose orchard is slowly ruined by salt water after a state drainage project diverts a river. It was published in Orlan two years ago and won the Golden Quill, the country’s main literary prize. An inspection by the Ministry of Culture then concluded that it contained “unreliable depictions of state institutions”, and distributors withdrew it.',
      'Morin, 61, who has lived in Lindmark since the book was withdrawn, says she did not expect readers to make the leap from orchards to politics. “It is a book about a family that stops talking to each other. If someone reads that as a portrait of the state, that is their reading,” she said.',
      {
        quote:
          'Half the emails I get are from people inside Varesia. They listen in the car, with the windows shut.',
        cite: 'Hedda Morin',
      },
      'The audiobook is read by Vera Sandell, one of the country’s best-known stage actors, who left the Orlan Drama Theatre last year after being dropped from its repertoire. She recorded the 14-hour text over twelve days in a converted studio in Sael and waived her fee.',
      'Listeners inside Varesia reach the recording through a messaging app channel and mirror websites, as the publisher’s own site is blocked. A printed edition produced in Lindmark is now in its fourth run.',
    ],
  },
  {
    slug: 'orlan-state-opera-cancels-premiere-the-glass-bell',
    section: 'culture',
    headline: 'Orlan State Opera cancels premiere after its director signs an open letter',
    standfirst:
      'Rehearsals for “The Glass Bell” had been under way for four months; the theatre says the production has been “postponed for technical reasons”.',
    topics: ['press-freedom', 'heritage'],
    credits: [{ author: 'pavel-dunec' }],
    hoursAgo: 500,
    updatedHoursAfter: 30,
    lead: {
      alt: 'The lit facade of a columned opera house with a large poster covered by a strip of white paper.',
      caption: 'The Orlan State Opera, where posters for “The Glass Bell” have been covered over.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'The Orlan State Opera has cancelled the premiere of “The Glass Bell”, a new production of Anselm Rauk’s nineteenth-century Varesian opera, ten days before opening night. Posters outside the theatre were covered with strips of white paper, and the production disappeared from the opera’s website without explanation.',
      'In a brief statement, the theatre said the premiere had been “postponed for technical reasons”. Three members of the company told The Lantern that the decision followed an open letter signed by 300 cultural figures calling for the release of political prisoners. The production’s stage director, Filip Arnesz, was among the signatories.',
      'Arnesz, 47, is one of the country’s most admired directors, known for setting classic Varesian works in the present day. His version of “The Glass Bell”, an opera about a village that melts down its church bell to pay a debt, was set in a closed factory town. A member of the chorus said the cast was told at a morning rehearsal that the production was “frozen” and that they should hand back their scores.',
      'The Ministry of Culture did not respond to questions. A ministry official quoted by a pro-government website said that “artists who sign political letters should not expect the state to finance their projects”.',
      'Update: Arnesz has confirmed that his contract with the Orlan State Opera was terminated “by mutual agreement”. He said he did not regret signing the letter and thanked the company for “four months of extraordinary work that no one will see”.',
    ],
  },
  {
    slug: 'volunteers-race-to-save-drevno-wooden-chapels',
    section: 'culture',
    headline: 'Volunteers race to save Drevno’s wooden chapels before another winter',
    standfirst:
      'Of the 60 log chapels recorded in the region half a century ago, 23 still stand, and a group of carpenters and students spends its holidays keeping them upright.',
    topics: ['heritage'],
    credits: [{ author: 'pavel-dunec' }],
    hoursAgo: 1300,
    lead: {
      alt: 'A small grey log chapel with a shingled cupola stands in a meadow, its base propped up on fresh timber beams.',
      caption: 'The chapel in the village of Kelmy, Drevno region, during restoration.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'In the village of Kelmy, a two-hour drive north of Drevno, twelve volunteers are lifting a 200-year-old chapel off the ground one corner at a time. With hand jacks and oak wedges, they raise the log walls a few centimetres a day so that the rotten bottom logs can be cut out and replaced with new ones shaped by hand.',
      'The group, known as the Timber Circle, was founded eleven years ago by Ruslan Okhta, an architect who specialises in wooden buildings. Each summer it recruits students, retired builders and office workers who want to spend their holidays learning traditional carpentry. This year 140 people applied for 50 places.',
      {
        image: {
          alt: 'Two young women shape a pine log with broad axes while it rests on wooden trestles.',
          caption:
            'Volunteers shape replacement logs with traditional axes rather than power tools.',
          credit: 'Matis Rheen / The Lantern',
        },
      },
      'A survey by the Drevno regional museum half a century ago recorded 60 log chapels in the region. Today 23 are standing, and Okhta estimates that eight of those could collapse within five years. Most belong to villages with few or no permanent residents left, and none is on the state list of protected monuments, so they receive no public money.',
      'The work is slow by design. The volunteers shape logs with axes rather than saws because hand-cut surfaces shed water better, and they split roof shingles from aspen trunks. Restoring one chapel takes two or three summers and about 2 million crowns in materials, raised mostly through small online donations.',
      '“People ask why we bother when the villages are empty,” Okhta said. “But the chapel is often the last thing that shows a village was ever there. When it goes, the place disappears from the map.”',
    ],
  },
  {
    slug: 'documentary-nets-wins-silver-gull-in-sael',
    section: 'culture',
    headline: 'Documentary about Kaluga Bay fishermen wins top prize at Sael festival',
    standfirst:
      'Alina Gort’s “Nets”, filmed over three years aboard a single trawler, is the first Varesian film to win the Silver Gull.',
    topics: ['exile', 'heritage'],
    credits: [{ author: 'pavel-dunec' }],
    hoursAgo: 790,
    lead: {
      alt: 'A film director holds up a small silver bird statuette on a stage lit by blue spotlights.',
      caption:
        'Alina Gort receives the Silver Gull at the Sael International Documentary Festival.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'Alina Gort’s “Nets”, a documentary about the crew of an ageing trawler from Kaluga Bay, has won the Silver Gull, the main award at the Sael International Documentary Festival. It is the first time a Varesian film has taken the prize in the festival’s 31-year history.',
      'Gort spent three years filming aboard the Grete, a 40-metre trawler built four decades ago, and its crew of nine. The film has no narration and no interviews. It follows the men through the seasons instead: long nights on deck, arguments over quotas, the captain’s phone calls to his daughter abroad, and the day the owner announces that the boat will be sold for scrap.',
      {
        image: {
          alt: 'A fisherman in orange oilskins hauls a net over the rail of a trawler on a grey, choppy sea.',
          caption: 'A still from “Nets”, filmed aboard the trawler Grete off Kaluga Bay.',
          credit: 'Pavel Dunec / The Lantern',
        },
      },
      'The jury praised the film for “finding a whole country’s story in the rhythm of a single working boat”. Gort, who left Varesia during post-production, edited the final cut in Sael using footage carried out of the country on memory cards.',
      'In her acceptance speech, Gort thanked the crew and said none of them would be able to see the film at home. “They asked me not to say their names on this stage, so I will say the name of the boat instead,” she said, and read out the Grete’s registration number.',
      'The film has been bought by distributors in five Arvane Council countries. Gort said she would also release it online with Varesian subtitles so that viewers inside the country could watch it through a VPN.',
    ],
  },
  {
    slug: 'last-family-smokehouses-of-lake-mirsk',
    section: 'culture',
    kicker: 'Food',
    headline: 'Alder smoke and patience: the last family smokehouses of Lake Mirsk',
    standfirst:
      'Smoked lake fish has been a Mirsk speciality for centuries, but only a handful of families still make it the old way.',
    topics: ['heritage'],
    credits: [{ author: 'pavel-dunec' }, { author: 'yuri-tamberg' }],
    hoursAgo: 1020,
    lead: {
      alt: 'Rows of small golden-brown fish hang on wooden rods inside a dark, hazy smokehouse.',
      caption: 'Fish hang in the Mellin family smokehouse in the village of Tervo on Lake Mirsk.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'Before dawn, Semyon Mellin lights a fire of alder wood under the brick smokehouse his grandfather built on the shore of Lake Mirsk. By sunrise, a hundred small silver fish caught the previous evening are hanging in rows on hazel rods, and the building is full of a sweet, dense smoke that will not clear for six hours.',
      'The small lake whitefish known locally as mirka have been salted and smoked in the villages around the lake for at least four centuries, according to parish records. Fifty years ago nearly every household in Tervo had its own smokehouse; today Mellin counts five families in the village who still smoke fish the traditional way, and at 52 he is the youngest.',
      {
        image: {
          alt: 'A man in a knitted hat feeds split logs into a low brick firebox at the base of a smokehouse.',
          caption: 'Mellin keeps the fire low so that the fish cook in smoke rather than heat.',
          credit: 'Yuri Tamberg / The Lantern',
        },
      },
      'The method is simple and unforgiving. The fish are salted for exactly one night, dried in the wind for two hours and smoked over a fire that must never show a flame: too hot and the skin splits, too cool and the fish spoil. “My father tested the temperature with the back of his hand on the door. I have a thermometer, but I still use my hand,” Mellin says.',
      'Smoked mirka sell for 900 crowns a kilo at the Sunday market in Mirsk, and demand is strong, especially from visitors from Orlan. The difficulty is supply. Catches have fallen as warmer summers and algae blooms reduce oxygen in the lake, and the regional fisheries agency has cut the number of small-scale fishing licences by a third.',
      'Mellin has applied to the Ministry of Culture to have the tradition listed as intangible heritage, which would let smokers apply for small grants. His daughter, who studies food technology in Tessny, has promised to take over the smokehouse, “but only if she can also sell online,” he says, laughing.',
    ],
  },
  {
    slug: 'review-winter-ferries-ola-miskin',
    section: 'culture',
    kicker: 'Review',
    headline: '“Winter Ferries” by Ola Miskin: poems that cross the water and keep looking back',
    standfirst:
      'The Kaluga Bay poet’s fourth collection, her first written in exile, is quiet, precise and hard to put down.',
    topics: ['exile', 'heritage'],
    credits: [{ guest: 'Ester Valk' }],
    hoursAgo: 1070,
    lead: {
      alt: 'A slim paperback with a pale blue cover showing a ferry in fog, on a wooden table beside a cup of tea.',
      caption: '“Winter Ferries” by Ola Miskin, published by Harbour Light Press in Sael.',
      credit: 'Pavel Dunec / The Lantern',
    },
    body: [
      'Ola Miskin’s poems have always been full of water. Her first three collections, published in Orlan, were set almost entirely in and around Kaluga Bay, where she grew up: its fish markets, its cranes, its winter fog, the island ferry that stopped running when she was a child. “Winter Ferries”, her first book since leaving Varesia, keeps the water but turns the boats around.',
      'The collection’s 48 poems are arranged as a single crossing. The first section, “Departures”, is made of short, almost journalistic lyrics about packing and paperwork; one poem consists entirely of the list of items a person may carry across a border, rearranged until it becomes a kind of prayer. The middle section, set on the water, is the strongest, as Miskin’s line loosens and her images grow stranger and more exact: a gull that “holds the wind like a receipt”, a passenger who “counts the lights of a city / she is not allowed to miss”.',
      'The final section, “Arrivals”, is less even. Several poems about learning a new language lean on familiar jokes about misheard words, and a sequence addressed to the poet’s mother at times tips into sentimentality. But the closing poem, “Harbour Master”, in which the speaker imagines the official who once checked her passport grown old and forgetful, is among the best things Miskin has written: generous, unsettling and very funny.',
      'What makes the book more than a document of exile is Miskin’s refusal to let any single feeling win. Grief sits beside curiosity, anger beside an unembarrassed delight in the new city’s bakeries and trams. Of the many recent books about leaving, “Winter Ferries” is one of the few that remembers the journey also goes somewhere.',
      'Ester Valk is a literary critic and translator. She edited the poetry pages of the Orlan literary monthly Northern Page until its closure.',
    ],
  },
  {
    slug: 'night-tram-reunites-for-one-night-in-sael',
    section: 'culture',
    kicker: 'Music',
    headline:
      'Night Tram, the band that soundtracked Tessny in the nineties, reunites for one night in exile',
    standfirst:
      'Tickets for the concert in Sael sold out in 40 minutes; the band had not played together for 19 years.',
    topics: ['exile', 'heritage'],
    credits: [{ author: 'pavel-dunec' }],
    hoursAgo: 66,
    lead: {
      alt: 'A singer with grey stubble raises his arms on a hazy stage in front of a crowd holding up phones.',
      caption: 'Singer Anton Ruzh on stage at the Dockhall in Sael.',
      credit: 'Katya Ferre / The Lantern',
    },
    body: [
      'For a generation of Varesians who grew up in Tessny, Night Tram was the sound of being seventeen. The band’s four members met at a vocational school for railway workers, rehearsed in a tram depot where the bassist’s father was a night mechanic, and released three albums of jittery, melodic guitar music before splitting up over what they now describe as “the usual things: money, girlfriends and the drummer”.',
      'At the weekend they played together for the first time in 19 years, at the Dockhall, a former warehouse in Sael that holds 1,800 people. Tickets sold out in 40 minutes, and the crowd included fans who had driven from the Vesk border crossing and flown in from across the Arvane Council.',
      'The reunion was organised by singer Anton Ruzh, who moved to Sael three years ago after being fined twice for performing at fundraisers for detained protesters. Two of the other three members still live in Varesia and travelled to the concert separately. Ruzh asked photographers and the audience not to publish images of them, and the crowd appeared to respect the request.',
      'The band played its debut album in full, followed by a handful of later songs. The loudest singing came during “Last Stop, Left Bank”, an early single about missing the final tram home, which many in the audience have long understood to be about something else. Ruzh has always insisted it is about a tram.',
      'Proceeds from the concert will go to a fund that pays legal fees for musicians prosecuted in Varesia. Ruzh said the band had no plans to record again. “We did this once. Maybe that is enough. Maybe next year we will be bored,” he said.',
    ],
  },
  {
    slug: 'volunteers-digitise-folk-costume-archive-from-exile',
    section: 'culture',
    headline: 'Volunteers digitise 12,000 folk costumes from a museum they can no longer visit',
    standfirst:
      'Working from old inventory photographs and a borrowed scanner in a Sael library, a group of ethnographers is building an open online catalogue.',
    topics: ['heritage', 'technology'],
    credits: [{ author: 'pavel-dunec' }, { author: 'sanna-velt' }],
    hoursAgo: 1140,
    lead: {
      alt: 'An embroidered linen shirt with red and black geometric patterns laid flat on a white table under studio lights.',
      caption:
        'A festive shirt from the Mirsk district, one of the items in the new online catalogue.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'A group of ethnographers who left Varesia over the past three years has published the first 4,000 entries of an online catalogue that aims to document all 12,000 folk costumes and textiles held by the National Museum of Ethnography in Orlan. The museum itself has not published a catalogue since its last printed inventory, more than thirty years ago.',
      { h2: 'An archive rebuilt from negatives' },
      'The volunteers cannot visit the museum’s storerooms. Instead they work from copies of inventory cards and glass-plate photographs made by museum staff over the decades, many of which the researchers digitised while they still worked there. Others have been sent by former colleagues and by families who donated items and kept their own photographs.',
      'The scanning is done at a public library in Sael, which lent the group a high-resolution scanner. An open-source cataloguing tool links each photograph to its inventory card and records the region, village, date and materials and, where known, the name of the person who made the garment.',
      'Project lead Tamara Selin, who worked at the museum for 16 years, says the aim is to make the collection visible to the people whose grandparents wore it. “Most of these shirts were made by women whose names nobody wrote down. Sometimes the inventory card is the only record that they existed,” she said.',
      'The team has also trained a simple image-recognition model to group embroidery patterns by region, which has already flagged about 90 items that appear to be filed under the wrong district. Selin says the group has offered to share its corrections with the museum in Orlan but has had no reply.',
    ],
  },
  {
    slug: 'kaluga-bay-seamens-chess-club-turns-80',
    section: 'culture',
    headline: 'Eighty years of checkmate: Kaluga Bay’s seamen’s chess club celebrates its birthday',
    topics: ['heritage'],
    credits: [{ author: 'yuri-tamberg' }],
    hoursAgo: 1210,
    lead: {
      alt: 'Elderly men and a teenage girl play chess at long tables in a room with ship models on the shelves.',
      caption: 'The Thursday tournament at the Kaluga Bay Seamen’s Chess Club.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'Every Thursday at six for eighty years, someone at the Kaluga Bay Seamen’s Chess Club has started a clock. The club, founded by dockers and ships’ cooks in a room above the harbour master’s office, marked its anniversary this month with a simultaneous exhibition in which its oldest member, 91-year-old retired navigator Ilya Brandt, played 20 opponents at once.',
      'Brandt won 14 games, drew four and lost two, both to players under the age of twelve. “I have been losing to children for seventy years. It is the best part of chess,” he said afterwards.',
      'The club has moved three times and now occupies two rooms in the former sailors’ hostel on Anchor Street, decorated with ship models, pennants and photographs of tournaments going back to its first decade. It has 140 members, from schoolchildren to pensioners, and charges 300 crowns a month, waived for anyone who cannot pay.',
      {
        quote:
          'In the old days half the players would leave in the middle of a game because their ship was sailing. We had a rule: the position is frozen until you come back.',
        cite: 'Ilya Brandt, member since his teens',
      },
      'Two former members became national champions, and the junior team has won the regional youth league for four years running. Its current star is 14-year-old Sofia Gren, recently awarded the title of candidate master, who says she practises “mostly against the old men, because they never get tired”.',
      'The club’s survival has long depended on the port, which paid its rent for decades. With cargo volumes falling, the port authority has warned that the subsidy may end next year. Members have started a collection, and a fish restaurant on the waterfront has offered to host the Thursday tournament if needed.',
    ],
  },
  {
    slug: 'kitchen-theatre-actors-performing-in-orlan-apartments',
    section: 'culture',
    kicker: 'Long read',
    headline:
      'Kitchen theatre: the actors performing in Orlan’s apartments for 20 people at a time',
    standfirst:
      'Shut out of state stages, a group of actors and playwrights has built a repertory company out of living rooms, word of mouth and borrowed chairs.',
    topics: ['press-freedom', 'heritage'],
    credits: [{ author: 'pavel-dunec' }],
    hoursAgo: 1410,
    lead: {
      alt: 'Two actors in silhouette face each other in a small kitchen lit by a single lamp, with an audience in the doorway.',
      caption:
        'A performance in an apartment in central Orlan. We have obscured the performers’ faces.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'The address arrives by text message two hours before the performance: a building number, an entrance code and an apartment on the fourth floor. Inside, twenty people sit on borrowed chairs and cushions in a living room emptied of its furniture, facing an open kitchen door. The kitchen is the stage, and for the next 70 minutes two actors play a married couple making dinner on the night one of them has decided to leave the country.',
      'The play, “Salt for the Soup”, was written last year by a playwright whose work can no longer be staged in Varesia’s state theatres. It is one of eleven productions in the repertoire of a company with no name, no website and no bank account, which its members call, when they call it anything, kitchen theatre. The company estimates it has given more than 300 performances in about 60 apartments in Orlan and Tessny, for audiences that never exceed 25. Invitations to each evening are usually claimed within an hour of being passed along.',
      { h2: 'Rules of the house' },
      'The rules are strict. Tickets are not sold; guests are invited through a chain of trusted acquaintances and leave contributions in an envelope by the door, phones are collected before the play begins, and no apartment is used twice in a row. One of the founders, an actor dismissed from a state theatre two years ago, says the rules are not paranoia but courtesy: “We can choose our own risks. The people who open their homes to us are also making a choice for their neighbours.”',
      {
        quote:
          'On a big stage you perform for the back row. Here the back row is two metres away and it is crying. You cannot lie to it.',
        cite: 'An actor with the company',
      },
      'The form has a history. Apartment readings, concerts and performances were common in earlier periods when public culture in Varesia was tightly controlled, and several older members of the audience at the performance we attended said they had been to similar evenings as students. What is new, the founders say, is the scale and the professionalism: the company includes actors from four of Orlan’s best-known theatres, a lighting designer who works with battery-powered lamps, and a composer who writes short scores for whatever instruments the hosts happen to own. “Back then we passed around typewritten invitations,” said a man in his seventies. “Now the invitation comes on a phone, and the phone waits in a basket by the door.”',
      'The repertoire mixes new plays with classics quietly dropped from state stages, including a two-hour adaptation of Hedda Morin’s novel “The Salt Orchard”, withdrawn from bookshops after a state inspection. Some plays are written for particular rooms. One, set during a power cut, is performed in total darkness, with the audience following the actors only by the sound of their steps and voices. Another, a monologue by a court stenographer who starts to alter the transcripts she types, is staged in a narrow hallway, and the audience watches it five people at a time.',
      'Nobody involved expects the arrangement to last for ever. Two hosts have been visited by police after neighbours complained about noise, though neither was charged, several actors have left the country, and some scenes are now rehearsed over video calls with members in Sael. But for the audience at the end of the evening, crowding into the hallway to collect their phones and coats, the risk seemed beside the point. “I have not been to the theatre in two years,” said a retired librarian in her sixties. “Tonight I went to the theatre.”',
    ],
  },

  // Science
  {
    slug: 'lake-mirsk-algae-bloom-earliest-on-record',
    section: 'science',
    headline:
      'Lake Mirsk’s algae bloom arrives earliest on record, closing beaches and worrying fishermen',
    standfirst:
      'Satellite images show blue-green algae covering 40 per cent of the lake’s surface, three weeks earlier than the previous record.',
    topics: ['climate', 'health'],
    credits: [{ author: 'sanna-velt' }],
    hoursAgo: 44,
    lead: {
      alt: 'Bright green scum covers the surface of a lake near a reedy shore, with a rowing boat pulled up on the sand.',
      caption: 'An algae bloom near the village of Tervo on the eastern shore of Lake Mirsk.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'A bloom of blue-green algae has spread across roughly 40 per cent of the surface of Lake Mirsk, according to an analysis of satellite images by researchers at the Lindmark Institute of Freshwater Ecology. It is the earliest bloom in 25 years of satellite observation, appearing about three weeks before the previous earliest date.',
      'The Mirsk district sanitary service has closed all eight official beaches on the lake and advised residents not to let children or dogs swim. Cyanobacteria, the organisms responsible for such blooms, can produce toxins that cause skin rashes and stomach upsets and, in high doses, damage the liver.',
      {
        image: {
          alt: 'A false-colour satellite image of a long lake with bright green swirls concentrated at its southern end.',
          caption:
            'Lake Mirsk seen by satellite, processed to highlight chlorophyll concentrations.',
          credit: 'Lindmark Institute of Freshwater Ecology',
        },
      },
      'Blooms form when warm, still water meets high levels of nutrients, mainly phosphorus and nitrogen. Lake Mirsk receives both from fertiliser running off surrounding farmland and from the city’s wastewater treatment plant, which has operated above capacity since a new residential district was connected to it. Average late-spring water temperatures in the lake have risen by about 1.8 degrees over three decades.',
      'Hydrobiologist Karin Aust, who led the analysis, said early blooms are especially harmful because they last longer and strip oxygen from deeper water, where fish spend the summer. “An early start means a longer season of low oxygen. That is when we see fish die,” she said.',
      'Local fishermen say whitefish catches have already fallen. The Mirsk city administration says it has applied for state funding to modernise the treatment plant, a project first promised eight years ago.',
    ],
  },
  {
    slug: 'sella-river-falls-to-lowest-level-in-70-years',
    section: 'science',
    headline:
      'Sella river falls to its lowest level in 70 years, halting barges and cutting hydropower',
    standfirst:
      'The gauge in Orlan reads 1.2 metres below normal after a winter with little snow and months of scant rain.',
    topics: ['climate', 'energy'],
    credits: [{ author: 'sanna-velt' }, { author: 'yuri-tamberg' }],
    hoursAgo: 400,
    lead: {
      alt: 'A wide river with exposed sandbanks and a rusting barge grounded near the bank under a hazy sky.',
      caption: 'A grain barge moored near Drevno, waiting for the water to rise.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'The Sella, Varesia’s longest river, has fallen to its lowest level since measurements began 70 years ago at the gauging station in Orlan, according to the State Hydrometeorological Service. The water is 1.2 metres below its long-term average for the time of year, and sandbanks have surfaced along much of its lower course.',
      'River freight, which carries grain, gravel and fertiliser from the Drevno region towards Kaluga Bay, has largely stopped. Barges can sail with only a third of their usual load, and the river shipping company has laid up 40 of its 52 vessels. A gravel quarry near Drevno has laid off 120 workers because it can no longer ship its output by water.',
      'Hydrologists say the low water is the result of several dry seasons in a row. Snow cover in the Tarn Highlands, where the Sella and its main tributaries rise, was less than half the average last winter and melted about a month early, and rainfall across the catchment has been 35 per cent below normal since the start of the year.',
      'The drought is also cutting electricity generation. The two hydroelectric dams on the upper Sella are producing about 40 per cent of their normal output, and Varenergo has restarted older gas-fired units to make up the difference. Orlan’s water utility has asked residents to limit garden watering and car washing, though it says drinking water supplies are not at risk.',
      'Climate researchers note that the Tarn Highlands have warmed faster than the national average over the past four decades. “This is not one bad year. It is what a dry year now looks like,” said hydrologist Petra Hallin of Orlan State University.',
    ],
  },
  {
    slug: 'orlan-university-dismisses-14-researchers-over-letter',
    section: 'science',
    headline:
      'Orlan State University dismisses 14 researchers who signed letter on academic freedom',
    standfirst:
      'The scientists, among them a leading climate modeller, were told their contracts would not be renewed “in connection with the optimisation of staff”.',
    topics: ['press-freedom', 'technology'],
    credits: [{ author: 'sanna-velt' }],
    hoursAgo: 670,
    lead: {
      alt: 'A glass and concrete laboratory building on a university campus with students walking past.',
      caption: 'The Faculty of Natural Sciences at Orlan State University.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'Orlan State University has told 14 researchers in its physics, biology and geography faculties that their contracts will not be renewed, weeks after they signed an open letter calling for the release of a detained colleague. The university said the decision was part of a planned “optimisation of staff” and had nothing to do with the letter.',
      'The colleague, oceanographer Lev Petrak, was arrested eight months ago on his return from a scientific conference in an Arvane Council country. Prosecutors accuse him of passing classified information to a foreign state; his supporters say the “classified information” was sea temperature data from Kaluga Bay that he had published in a peer-reviewed journal.',
      'Among those dismissed is Elena Moritz, head of the university’s climate modelling group, whose work on rainfall patterns in the Sella basin is widely cited. Her group of six researchers will be disbanded, and its time on the national supercomputer has already been reassigned.',
      'Moritz said she had offers from two universities in Lindmark but had not decided whether to leave. “My data is here, my weather stations are here, my students are here. A climate model of Varesia built in another country is possible, but it is harder, and it will be poorer,” she said.',
      'The dismissals are the latest in a series of measures affecting Varesian science. Researchers now need permission from a security department to attend foreign conferences, and the Ministry of Science has ordered universities to review all international cooperation agreements. According to the academic union, at least 230 scientists have left Varesian universities in the past two years.',
    ],
  },
  {
    slug: 'camera-traps-confirm-lynx-return-to-tarn-highlands',
    section: 'science',
    kicker: 'Wildlife',
    headline: 'Camera traps confirm lynx have returned to the Tarn Highlands after half a century',
    topics: ['climate'],
    credits: [{ author: 'sanna-velt' }],
    hoursAgo: 720,
    lead: {
      alt: 'A grainy night-time camera trap image of an adult lynx walking along a forest track followed by three kittens.',
      caption: 'A female lynx with three kittens recorded by a camera trap in the Tarn Highlands.',
      credit: 'North Wire',
    },
    body: [
      'A female lynx and three kittens have been recorded by camera traps in the Tarn Highlands, the first confirmed evidence in more than fifty years that the species is breeding in the mountains of northern Varesia, according to researchers at the Highlands Wildlife Station.',
      'The footage, captured over four nights on a forestry road above the village of Upper Kesk, shows the adult leading the kittens along the track and, on one occasion, stopping to sniff the camera. Researchers estimate the kittens were about three months old.',
      {
        image: {
          alt: 'A small camouflaged camera strapped to a birch trunk beside a forest track.',
          caption:
            'One of the station’s 64 camera traps in the upper valleys of the Tarn Highlands.',
          credit: 'Sanna Velt / The Lantern',
        },
      },
      'Lynx disappeared from the Tarn Highlands in the middle of the last century because of hunting and the loss of old forest. Single animals, probably young males wandering from populations across the border in Lindmark, have been reported occasionally over the past decade, but until now there was no proof that a female had settled in the area.',
      'Wildlife ecologist Daniel Koss, who runs the network of 64 cameras, links the return to changes in land use. Logging in the upper valleys fell sharply after two state forestry companies closed, and numbers of roe deer, the lynx’s main prey, have risen. “Nature has taken advantage of the fact that people have left,” he said.',
      'The station is raising money for GPS collars to follow the family. It has also asked the regional hunting authority to confirm that lynx remain protected in the area, after a draft regulation last year proposed reclassifying them as game.',
    ],
  },
  {
    slug: 'opinion-orlan-needs-a-heat-plan',
    section: 'science',
    kicker: 'Opinion',
    headline: 'Orlan needs a heat plan before the next heatwave, not after it',
    standfirst:
      'The capital has plans for floods, snowstorms and power cuts, but nothing for the hazard most likely to harm its residents.',
    topics: ['climate', 'health'],
    credits: [{ guest: 'Lev Amsel' }],
    hoursAgo: 830,
    lead: {
      alt: 'People sit on benches in the shade of trees along a river embankment on a hot, hazy day.',
      caption: 'The Sella embankment in Orlan during last summer’s heatwave.',
      credit: 'Lena Obst / The Lantern',
    },
    body: [
      'Last summer Orlan spent 17 days above 32 degrees, including a run of nine days in which the temperature did not fall below 22 degrees at night. Hot nights matter more than hot days: the body needs cool hours to recover, and elderly people living alone on the top floors of concrete apartment blocks often do not get them.',
      'My colleagues and I compared daily death registrations in the city with the average for the same weeks in previous years. During the heatwave, about 480 more people died than would normally be expected, most of them over 75. It is an estimate, and the true figure may be somewhat higher or lower, but it is larger than the number of people killed on the city’s roads in an average year.',
      'Orlan has a detailed emergency plan for floods, updated every two years, and another for snowstorms. It has none for heat: no warning system that triggers specific actions, no list of cooled public buildings where people can rest, and no programme to check on isolated elderly residents during hot spells. Cities with similar climates have shown that such measures are cheap and save lives.',
      'A workable plan would start with three steps. First, a heat warning from the hydrometeorological service that automatically extends the opening hours of libraries and shopping centres as cooling spaces. Second, a call list, kept by social services and volunteers, of residents over 75 who live alone. Third, a long-term programme of tree planting in courtyards and lighter-coloured roofs, beginning in the districts where our data shows the highest excess deaths.',
      'None of this is politically controversial. It requires only that the city treat heat as the hazard it already is.',
      'Lev Amsel is a climatologist and public health researcher. He worked at the State Hydrometeorological Service in Orlan for twelve years and is now a visiting researcher in Sael.',
    ],
  },
  {
    slug: 'kessa-nuclear-plant-safety-inspection-postponed-again',
    section: 'science',
    headline:
      'Safety inspection of Kessa nuclear plant’s oldest reactor postponed for a second time',
    standfirst:
      'The regulator blames staff shortages, while former employees say the 41-year-old reactor is already well past its design life.',
    topics: ['energy'],
    credits: [{ author: 'sanna-velt' }],
    hoursAgo: 360,
    updatedHoursAfter: 8,
    lead: {
      alt: 'Two cooling towers release white vapour above a pine forest, with a river in the foreground.',
      caption: 'The Kessa nuclear power station on the Sella river near Drevno.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'Varesia’s nuclear regulator has postponed the ten-yearly safety review of Unit 1 at the Kessa nuclear power station for the second time, according to a notice on its website. The review, originally due last year, will now take place “no later than” eighteen months from now.',
      'Unit 1, which began operating 41 years ago, was designed for a service life of 30 years. The regulator extended its licence a decade ago on condition that the reactor pressure vessel and cooling systems be fully inspected every ten years. The State Nuclear Supervision Agency said the postponement was due to “a temporary shortage of qualified inspection personnel”.',
      'Two former engineers at the plant told The Lantern that the shortage was real, with at least a dozen of the agency’s specialists having emigrated or retired in the past two years. But they said the operator had also lobbied for the delay, because a full inspection would mean shutting the unit down for several months at a time of high electricity demand.',
      'Kessa produces about a quarter of Varesia’s electricity. Its three units are run by a subsidiary of the state energy company Varenergo, which said Unit 1 “operates reliably and within all safety parameters”.',
      'Independent experts stress that a delayed inspection does not mean a reactor is unsafe. “It means we know less than we should about its condition,” said Hanne Vogt, a former inspector with the Arvane Council’s nuclear safety network. “For a reactor this old, that is the wrong direction.”',
      'Update: Varenergo said in a statement that the operator had not asked for the postponement and that the decision was “made solely by the regulator”. The regulator did not respond to a request for comment.',
    ],
  },
  {
    slug: 'measles-cases-rise-in-tessny-after-vaccine-shortage',
    section: 'science',
    headline: 'Measles cases rise in Tessny after a seven-month gap in vaccine supplies',
    standfirst:
      'Health officials have confirmed 86 cases so far this year, most of them in unvaccinated children under five.',
    topics: ['health'],
    credits: [{ author: 'sanna-velt' }, { author: 'mira-kostelna' }],
    hoursAgo: 980,
    lead: {
      alt: 'A nurse in a blue uniform prepares a syringe at a small table in a clinic decorated with cartoon posters.',
      caption: 'A nurse prepares vaccinations at a children’s clinic in Tessny.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'The Tessny city health department has confirmed 86 cases of measles since the start of the year, compared with three in the whole of last year. Most of those infected are children under five who had not received their first dose of the measles, mumps and rubella vaccine, and 19 have been treated in hospital.',
      { h2: 'Why children missed their vaccinations' },
      'The outbreak follows a gap of about seven months in which children’s clinics in Tessny had few or no doses of the combined vaccine. The only Varesian manufacturer halted production for what it called equipment modernisation, and a tender for imported vaccine was cancelled after the single bidder failed to provide the required documents. Parents were told to “come back next month”.',
      'By the time supplies returned, more than 4,000 children in the city had missed their scheduled first dose, according to figures presented to the regional health council. Doctors say some families then delayed further because of rumours spread on social media, although national surveys show public trust in the vaccine remains high.',
      { h2: 'A catch-up campaign' },
      'The city has added weekend vaccination sessions and sent nurses into kindergartens. Measles is among the most contagious diseases known, and about 95 per cent of a population must be immune to stop it spreading; before the supply gap, coverage in Tessny was around 94 per cent.',
      'Paediatrician Nora Brin said the outbreak was entirely preventable. “We have had a good vaccine for decades. The only thing missing this year was the vaccine itself, in the fridge, on the day the child came in,” she said.',
    ],
  },
  {
    slug: 'amateur-astronomers-find-drevno-meteorite',
    section: 'science',
    headline:
      'Amateur astronomers track a fireball over Drevno and find the meteorite in a potato field',
    standfirst:
      'Three cameras, a home-made trajectory model and a week of walking led to a 312-gram stone that formed 4.5 billion years ago.',
    topics: ['technology'],
    credits: [{ author: 'sanna-velt' }],
    hoursAgo: 1360,
    lead: {
      alt: 'A dark, fist-sized stone with a glossy black crust on a white cloth next to a ruler.',
      caption:
        'The meteorite recovered near Drevno, photographed on the kitchen table of one of its finders.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'Shortly before midnight, a bright fireball crossed the sky over the Drevno region, lighting up the clouds for about four seconds. It was recorded by three automatic cameras run by the Drevno Astronomy Circle, a club of about 40 amateur astronomers who meet in the basement of the city’s former planetarium.',
      'From the three recordings, club members Artur Kovalik and Diana Resh calculated the object’s path through the atmosphere and estimated where any surviving fragments might have landed: a strip about two kilometres long across farmland south of the city. For six days, club members and local schoolchildren walked the fields in lines a few metres apart.',
      'On the seventh day, a 16-year-old volunteer spotted a small black stone at the edge of a potato field. It weighs 312 grams and has a glossy fusion crust, formed when its surface melted during the fall.',
      {
        quote:
          'We had calculated where it should be, but none of us really believed we would find it. Then a boy in borrowed boots held it up and everyone started shouting.',
        cite: 'Diana Resh, Drevno Astronomy Circle',
      },
      'A sample sent to the meteorite laboratory at Tessny Polytechnic confirmed that the stone is an ordinary chondrite, the most common type of meteorite, formed about 4.5 billion years ago in the early solar system. It is only the fifth meteorite recovered in Varesia whose fall was actually observed.',
      'The farmer who owns the field has agreed to donate it to the Drevno regional museum, on condition that it is displayed under the name chosen by the children who helped find it: “Potato”.',
    ],
  },
  {
    slug: 'thirty-seven-shutdowns-mapping-varesia-internet-blackouts',
    section: 'science',
    kicker: 'Investigation',
    headline: 'Thirty-seven shutdowns in a year: mapping how Varesia switches off its internet',
    standfirst:
      'Data from thousands of volunteer devices documents regional blackouts that coincided with protests, trials and local elections.',
    topics: ['technology', 'press-freedom'],
    credits: [{ author: 'sanna-velt' }, { author: 'aren-holub' }],
    hoursAgo: 1050,
    lead: {
      alt: 'A laptop screen showing a map with regions shaded red and orange, next to a router with blinking lights.',
      caption:
        'A visualisation of internet disruptions in Varesia built from NetWatch measurements.',
      credit: 'Sanna Velt / The Lantern',
    },
    body: [
      'Over the past twelve months, internet access in parts of Varesia was deliberately restricted at least 37 times, according to an analysis of network measurements by NetWatch, a group of researchers and engineers working from Lindmark, shared exclusively with The Lantern. The restrictions lasted from 40 minutes to 11 days and together affected areas home to more than 3 million people. At least nine of the episodes have not previously been reported by any media outlet.',
      'NetWatch relies on about 6,000 volunteers inside Varesia who have installed a small application on their phones or home routers. Every few minutes the application tries to reach a list of websites and services and records whether the connection succeeds, how fast it is and, if it fails, how. Combined with public data on internet routing, the measurements make it possible to tell a cable cut or a power outage from a deliberate shutdown. Volunteers’ identities are not stored, and results are sent in small batches designed to look like ordinary app traffic.',
      { h2: 'Three patterns' },
      'The researchers found three distinct types of disruption. The most severe, a complete cut of mobile internet across a region, happened 9 times, most often in Tessny and Kaluga Bay. A second type, seen 17 times, slowed mobile data to speeds at which photos and video cannot be uploaded while leaving calls and text messages working. The third, recorded 11 times, blocked specific messaging apps and VPN services in a single city while the rest of the internet stayed available.',
      'Twenty-nine of the 37 episodes began within two hours of a street protest, a hearing in a politically sensitive trial or the close of polls in a local election. During last year’s municipal elections in Mirsk, for example, mobile connections across the city slowed sharply from the moment voting ended until shortly after the results were announced the next morning. Only eight had no trigger the researchers could identify. In Tessny, mobile internet was cut for six hours on the day a court sentenced three local activists, and came back within minutes of the last reporters leaving the courthouse.',
      {
        quote:
          'A shutdown is not a technical event. It is a decision, and someone signs the order. Our job is to make sure the decision leaves a trace.',
        cite: 'Ruben Aksel, technical lead at NetWatch',
      },
      'Varesian law allows the authorities to restrict communications “in the interests of public safety” on the order of the Ministry of Digital Development, but such orders are not published, and operators that fail to comply within an hour face fines of up to 2 per cent of their annual revenue. The ministry has acknowledged only two restrictions in the past year, both described as temporary measures during “counter-terrorism operations”. Mobile operators, which are legally obliged to comply, declined to comment on individual cases, although one operator’s annual report lists “regulatory restrictions affecting service availability” as a cause of lost revenue.',
      'The consequences reach well beyond politics. During the 11-day restriction in Kaluga Bay, shops reported failed card payments, ambulance dispatchers lost their navigation apps and pharmacies could not check electronic prescriptions. NetWatch says it will publish its full dataset, with volunteers’ identities removed, and two lawyers representing Kaluga Bay businesses have already asked for it to support claims for compensation. “We did not lose a day of trading. We lost eleven,” said the owner of three pharmacies in the city.',
    ],
  },
  {
    slug: 'beekeepers-report-worst-colony-losses-in-a-decade',
    section: 'science',
    headline: 'Beekeepers report their worst losses in a decade after a cold, wet spring',
    standfirst:
      'A survey of 900 apiaries found that 37 per cent of colonies did not survive, with the heaviest losses around Kaluga Bay.',
    topics: ['climate'],
    credits: [{ author: 'sanna-velt' }],
    hoursAgo: 1170,
    lead: {
      alt: 'A beekeeper in a veiled hat lifts a wooden frame from a hive, with only a few bees on the honeycomb.',
      caption: 'Beekeeper Irja Ilves inspects a weakened colony near Kaluga Bay.',
      credit: 'Yuri Tamberg / The Lantern',
    },
    body: [
      'More than a third of the honeybee colonies kept by Varesian beekeepers died over the winter and spring, according to a survey by the National Beekeepers’ Association. Of the 31,000 colonies covered, from about 900 apiaries across the country, 37 per cent were lost, against a typical annual loss of 15 to 20 per cent.',
      'Losses were highest in the coastal districts around Kaluga Bay, where some beekeepers lost more than half their hives. The association’s scientific adviser, entomologist Pavla Rennet, said the main cause appeared to be a long spell of cold, wet weather in early spring, when colonies need to forage to build up their numbers. Bees confined to the hive for weeks used up their food stores and became more vulnerable to the varroa mite, a parasite that spreads viral diseases.',
      'Beekeepers also point to pesticides. In several districts, farmers sprayed flowering rapeseed with insecticides during the day, despite rules that require spraying in the evening, when bees are not flying, and oblige farmers to notify beekeepers within five kilometres. Violations are rarely punished: the agricultural inspectorate in Kaluga Bay issued four fines last year.',
      '“I have kept bees for 30 years and my father for 40 before that. I have never opened so many hives and found them empty,” said Irja Ilves, who lost 41 of her 70 colonies near the village of Soma. She has bought replacement colonies at 6,500 crowns each but expects to harvest half her usual amount of honey at most.',
      'Bees are essential for pollinating orchards and many field crops. The association has asked the Ministry of Agriculture for compensation like that paid to farmers after floods and droughts, and for a national bee health monitoring programme, which Varesia does not have.',
    ],
  },
]
