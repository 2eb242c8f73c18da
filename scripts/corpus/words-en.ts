/**
 * English word lists for the few English-language articles (about 3% of the corpus), written for
 * this project. Ordered common-first like the Chinese lists; phrases are kept whole so sentences
 * read like wire copy without a grammar engine.
 */

function phrases(text: string): readonly string[] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Sentence subjects (without the capital letter; `text-en.ts` adds it). */
export const EN_SUBJECTS = phrases(`
  the government
  officials
  the central bank
  lawmakers
  analysts
  investors
  the foreign ministry
  regulators
  police
  protesters
  the company
  the military
  diplomats
  residents
  critics
  the court
  prosecutors
  economists
  the commerce ministry
  state media
  the health authorities
  the city government
  opposition parties
  business groups
  rights groups
  the election commission
  the coast guard
  local authorities
`);

/** Verbs that take an object: past tense for sentences, present tense for headlines. */
export const EN_VERBS: ReadonlyArray<readonly [string, string]> = [
  ['announced', 'announces'],
  ['criticised', 'criticises'],
  ['approved', 'approves'],
  ['rejected', 'rejects'],
  ['imposed', 'imposes'],
  ['lifted', 'lifts'],
  ['suspended', 'suspends'],
  ['expanded', 'expands'],
  ['proposed', 'proposes'],
  ['blocked', 'blocks'],
  ['launched', 'launches'],
  ['welcomed', 'welcomes'],
  ['defended', 'defends'],
  ['delayed', 'delays'],
  ['reviewed', 'reviews'],
  ['condemned', 'condemns'],
  ['backed', 'backs'],
  ['extended', 'extends'],
  ['tightened', 'tightens'],
  ['eased', 'eases'],
  ['unveiled', 'unveils'],
  ['questioned', 'questions'],
  ['signed', 'signs'],
  ['revised', 'revises'],
];

/** Verbs of saying, followed by a clause. */
export const EN_SPEECH = phrases(`
  said
  warned
  told reporters
  said in a statement
  argued
  noted
  added
  insisted
  wrote on social media
`);

/** Objects. */
export const EN_OBJECTS = phrases(`
  new sanctions
  the trade deal
  interest rates
  export controls
  the security law
  a fresh round of talks
  tariffs on steel
  the draft bill
  emergency measures
  a joint statement
  the investigation
  military drills
  the vaccine rollout
  a stimulus package
  new rules for online platforms
  the budget plan
  restrictions on chip exports
  the election results
  a ban on public gatherings
  plans for a new airport
  the property market rescue
  visa requirements
  a cooperation agreement
  the climate targets
  a crackdown on fraud
  limits on foreign investment
  the pension reform
  subsidies for electric vehicles
`);

/** Trailing phrases that place a clause in time or context. */
export const EN_CONTEXTS = phrases(`
  amid rising tensions
  after weeks of talks
  despite strong opposition
  according to state media
  following the summit
  in response to the protests
  as growth slows
  ahead of the vote
  after a sharp fall in exports
  in a move that surprised markets
  as the outbreak spread
  on the sidelines of the meeting
  for the first time in a decade
  after months of negotiations
  before the end of the year
  under pressure from Washington
  as relations deteriorated
`);

/** Places for English text. */
export const EN_PLACES = phrases(`
  China
  the United States
  Hong Kong
  Taiwan
  Japan
  Beijing
  Shanghai
  Washington
  the European Union
  Russia
  Britain
  South Korea
  India
  Australia
  Germany
  France
  Singapore
  Vietnam
  the Philippines
  Shenzhen
  Wuhan
  Xinjiang
  Tokyo
  Brussels
  Ukraine
  Canada
`);

/** Figures and what they measure. */
export const EN_METRICS = phrases(`
  exports
  imports
  retail sales
  industrial output
  consumer prices
  the jobless rate
  home prices
  car sales
  foreign reserves
  profits
`);

/** Weekdays, for "on Tuesday". */
export const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Words for English URL slugs (VOA, Reuters, NYT, Initium). */
export const EN_SLUG_WORDS = phrases(`
  china
  us
  trade
  hong-kong
  taiwan
  covid
  economy
  sanctions
  election
  security
  law
  protest
  market
  yuan
  stocks
  tech
  chip
  huawei
  military
  drill
  south-china-sea
  climate
  flood
  court
  human-rights
  xinjiang
  tariffs
  bank
  rates
  property
  exports
  vaccine
  diplomacy
  summit
  talks
  europe
  japan
  russia
  ukraine
  students
  media
  censorship
  internet
  ai
`).flatMap((line) => line.split(/\s+/));
