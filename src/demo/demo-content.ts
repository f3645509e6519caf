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
    slug: 'elections',
    name: 'Elections',
    description: 'Votes, referendums, election commissions and the volunteers who try to observe them.',
  },
  {
    slug: 'press-freedom',
    name: 'Press freedom',
    description: 'Censorship, “foreign agent” rules, blocked websites and the journalists who work around them.',
  },
  {
    slug: 'energy',
    name: 'Energy',
    description: 'Gas, electricity, heating bills and the state energy company Varenergo.',
  },
  {
    slug: 'exile',
    name: 'Exile',
    description: 'Varesians who have been forced to leave, and the communities they are building abroad.',
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
    description: 'Who leaves Varesia, who stays, and the borders, visas and money that connect them.',
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
    description: 'Public money, private interests and the audits and investigations that connect them.',
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
    topics: ['press-freedom', 'courts'],
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
    topics: ['elections', 'exile'],
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
      caption: 'An annotated copy of the draft amendments published by the Central Election Commission.',
      credit: 'Matis Rheen / The Lantern',
    },
    body: [
      'Varesians will be asked a single question on referendum day: “Do you approve the amendments to the Constitution of the Republic of Varesia?” There is no option to approve some changes and reject others. The package, published by the Central Election Commission last week, contains 46 pages of new and rewritten articles, and state television has so far discussed only three of them.',
      { h2: 'The clock goes back to zero' },
      'The headline change concerns the presidency. The current constitution limits a president to two consecutive six-year terms, and the amendments keep that limit but add a transitional clause stating that terms served before the new text takes effect “shall not be counted”. In practice this would allow President Matvei Oslund, who has led the country for 17 years under earlier versions of the rules, to stand twice more and remain in office until he is 83. Officials describe the clause as a technical consequence of adopting a new constitution; several Varesian lawyers we spoke to pointed out that the previous reset, eleven years ago, was described in exactly the same words.',
      { h2: 'Judges, governors and the Assembly' },
      'Less discussed are the changes to the courts. The president would gain the power to dismiss judges of the Constitutional Court on the recommendation of the Assembly’s speaker, and the number of judges would fall from 15 to 11. Regional governors, currently elected, would be appointed by the president from a shortlist drawn up by regional councils, a procedure that already applies in practice in four of the country’s nine regions.',
      'The Assembly itself would lose the right to reject the president’s choice of prime minister more than once. After a second rejection, the president could dissolve the chamber and call fresh elections, which would be organised by a Central Election Commission whose chair he would now appoint directly. Taken together, the changes remove most of the points at which another institution could say no to the presidency.',
      'The package also contains provisions that polls suggest most Varesians support. Pensions would be indexed to inflation at least once a year, the minimum wage could not fall below the official subsistence level, and the state would be obliged to maintain “accessible medical care in every district”. None of these requires a constitutional change, and the existing pension law already contains an indexation clause that has been suspended twice. “Nobody will vote against pensions,” said Rada Kessel, a constitutional lawyer who taught at Orlan State University until last year. “That is the point of putting them on the same ballot.”',
      'For the amendments to pass, more than half of those who vote must approve them, and unlike in earlier referendums there is no minimum turnout. Early voting will be open for a full week before polling day, and voters will be able to cast ballots at their workplaces, a practice that independent observers have repeatedly criticised as vulnerable to pressure from employers.',
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
    headline:
      'Leaked memo shows election commission plans to keep observers away from the count',
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
      caption: 'Anatol Brisk, right, is presented as interior minister at the presidential palace in Orlan.',
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
      caption: 'The public beach on the northern shore of Lake Mirsk, next to the planned building site.',
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
