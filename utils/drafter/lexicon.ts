// Word lists the drafter's rules use: titles before a person's name, head nouns of organisations and events,
// words that are capitalised but never a name. General English news usage, not fitted to one article.

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Titles and roles written before a name ("US President Donald Trump", "Presidential spokesman Ibrahim Kalin"). Lower case. */
export const TITLES = words(`
  mr mrs ms miss dr sir dame lord lady mr. mrs. ms. dr. st. prof. gen. lt. col. sgt. capt. sen. rep. gov.
  president presidential vice prime minister ministers secretary chancellor premier king queen prince princess
  emperor pope cardinal archbishop bishop rabbi imam sheikh ayatollah general gen lt col colonel major captain
  sergeant commander admiral marshal senator sen rep representative congressman congresswoman governor mayor
  judge justice ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair chief executive
  ceo cfo director head leader deputy foreign defence defense interior finance health justice state
  officer official professor prof dr. coach manager founder co-founder actor actress singer rapper author
  writer journalist reporter editor analyst lawyer attorney prosecutor detective inspector agent president-elect
  former acting late then opposition rebel militia warlord commander-in-chief speaker
  democrat democrats republican republicans
`);

/** Capitalised words that end the name of an organisation ("International Rescue Committee"). */
export const ORG_HEADS = words(`
  committee observatory council ministry organization organisation agency group party army forces front union
  association institute university college school company corporation corp inc ltd llc plc bank fund
  foundation court commission department office police service services network church movement alliance
  coalition federation league club society center centre authority board bureau guard brigade brigades navy
  senate congress parliament assembly cabinet airlines airways press media watch times post news journal
  tribune herald gazette telegraph guardian reuters agency laboratory labs studio studios records systems
  technologies industries motors hospital clinic museum team caucus institution institutions initiative programme program project
`);

/** Lower-case nouns that make a name before them an organisation: "the Wagner group". */
export const LOWER_ORG_HEADS = words('group militia network movement cartel gang brigade faction party');

/** Capitalised words that end the name of an event ("Paris Agreement", "World Cup"). */
export const EVENT_HEADS = words(`
  summit war wars olympics games conference agreement accord accords treaty election elections cup festival
  revolution uprising crisis protests massacre offensive ceasefire truce talks referendum championship
  championships marathon expo pandemic
`);

/** Lower-case event nouns after a month: "an August ceasefire", "the March elections". */
export const LOWER_EVENT_HEADS = words(`
  ceasefire cease-fire truce agreement accord deal summit election elections talks offensive protests
  referendum uprising revolution
`);

export const MONTHS = words('january february march april may june july august september october november december');
export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');

/** Capitalised words that are never an actor's name on their own. */
export const NEVER_NAMES = words(`
  i i'm i've i'd i'll a an the this that these those he she it we they you his her its our their my your
  mr mrs ms dr sir madam today yesterday tomorrow tonight meanwhile however but and or so yet also after before
  while when where what who why how if then there here now new one two three first last next more most
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  photo image video getty reuters ap afp advertisement read more share comments related am pm
  pt pst pdt et est edt ct cst gmt utc bst cet id ok tv
`);

/** Particles that may stand inside a multi-word name ("Syrian Observatory for Human Rights", "Bashar al-Assad"). */
export const NAME_PARTICLES = words('of for on de del della da di du van von der bin ibn al el la le');

/** Words after which a single unknown name is a place. */
export const PLACE_PREPOSITIONS = words('in at near from to into across around outside inside towards toward');

/** Verbs of saying: a single unknown name before one is a person. */
export const SAYING_VERBS = words('said says told added wrote tweeted argued warned explained asked');

/** Capitalised words that end the name of a place ("Bering Sea", "Wall Street", "Aleutian Islands"). */
export const PLACE_HEADS = words(`
  sea ocean gulf bay island islands peninsula coast river lake mountain mountains valley desert street avenue
  road square park bridge county province district strait canal airport station
`);

/** Compass words that open the name of a place ("West Hollywood", "North Africa"). */
export const COMPASS = words('north south east west northern southern eastern western central upper lower');

/** Caption words glued to the name after them on some sites ("CreditEllen Surrey"). */
export const CAPTION_PREFIXES = ['Credit', 'Photo', 'Image', 'Source'];

/** Company suffixes after which a new name may start ("Business Insider Inc Nintendo"). */
export const COMPANY_SUFFIXES = words('inc inc. corp corp. ltd ltd. llc plc co co.');

/** Head nouns that name one institution even alone ("Congress", "the Navy"), unlike "the Committee". */
export const STANDALONE_HEADS = words('congress senate parliament treasury navy pentagon kremlin vatican knesset duma bundestag');
