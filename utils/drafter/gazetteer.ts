// A small gazetteer curated by hand for the drafter from public-domain facts (country names, capitals,
// demonyms; well-known international bodies and their acronyms). Written for this project, so no data-set
// licence applies. It is deliberately short: the states and bodies that news articles name most often.
// Each row: name | other names | capital(s) | adjectives/demonyms | acronyms (written exactly).

export interface StateEntry {
  readonly name: string;
  readonly otherNames: readonly string[];
  readonly capitals: readonly string[];
  readonly demonyms: readonly string[];
  readonly acronyms: readonly string[];
}

export interface BodyEntry {
  readonly name: string;
  readonly acronyms: readonly string[];
  readonly otherNames: readonly string[];
}

const STATE_ROWS = `
Afghanistan||Kabul|Afghan,Afghans|
Albania||Tirana|Albanian,Albanians|
Algeria||Algiers|Algerian,Algerians|
Argentina||Buenos Aires|Argentine,Argentinian,Argentines,Argentinians|
Armenia||Yerevan|Armenian,Armenians|
Australia||Canberra|Australian,Australians|
Austria||Vienna|Austrian,Austrians|
Azerbaijan||Baku|Azerbaijani,Azerbaijanis|
Bahrain||Manama|Bahraini,Bahrainis|
Bangladesh||Dhaka|Bangladeshi,Bangladeshis|
Belarus||Minsk|Belarusian,Belarusians|
Belgium||Brussels|Belgian,Belgians|
Bolivia||La Paz|Bolivian,Bolivians|
Bosnia and Herzegovina|Bosnia|Sarajevo|Bosnian,Bosnians|
Brazil||Brasilia,Brasília|Brazilian,Brazilians|
Bulgaria||Sofia|Bulgarian,Bulgarians|
Cambodia||Phnom Penh|Cambodian,Cambodians|
Canada||Ottawa|Canadian,Canadians|
Chile||Santiago|Chilean,Chileans|
China|People's Republic of China|Beijing|Chinese|PRC
Colombia||Bogota,Bogotá|Colombian,Colombians|
Croatia||Zagreb|Croatian,Croatians,Croat,Croats|
Cuba||Havana|Cuban,Cubans|
Cyprus||Nicosia|Cypriot,Cypriots|
Czech Republic|Czechia|Prague|Czech,Czechs|
Denmark||Copenhagen|Danish,Danes|
Ecuador||Quito|Ecuadorian,Ecuadorians|
Egypt||Cairo|Egyptian,Egyptians|
Eritrea||Asmara|Eritrean,Eritreans|
Estonia||Tallinn|Estonian,Estonians|
Ethiopia||Addis Ababa|Ethiopian,Ethiopians|
Finland||Helsinki|Finnish,Finns|
France|French Republic|Paris|French|
Georgia||Tbilisi|Georgian,Georgians|
Germany|Federal Republic of Germany|Berlin|German,Germans|
Ghana||Accra|Ghanaian,Ghanaians|
Greece||Athens|Greek,Greeks|
Haiti||Port-au-Prince|Haitian,Haitians|
Hungary||Budapest|Hungarian,Hungarians|
India|Republic of India|New Delhi|Indian,Indians|
Indonesia||Jakarta|Indonesian,Indonesians|
Iran|Islamic Republic of Iran|Tehran,Teheran|Iranian,Iranians|
Iraq||Baghdad|Iraqi,Iraqis|
Ireland|Republic of Ireland|Dublin|Irish|
Israel||Jerusalem|Israeli,Israelis|
Italy||Rome|Italian,Italians|
Japan||Tokyo|Japanese|
Jordan||Amman|Jordanian,Jordanians|
Kazakhstan||Astana|Kazakh,Kazakhs|
Kenya||Nairobi|Kenyan,Kenyans|
Kuwait||Kuwait City|Kuwaiti,Kuwaitis|
Latvia||Riga|Latvian,Latvians|
Lebanon||Beirut|Lebanese|
Libya||Tripoli|Libyan,Libyans|
Lithuania||Vilnius|Lithuanian,Lithuanians|
Malaysia||Kuala Lumpur|Malaysian,Malaysians|
Mexico||Mexico City|Mexican,Mexicans|
Moldova||Chisinau|Moldovan,Moldovans|
Mongolia||Ulaanbaatar|Mongolian,Mongolians|
Morocco||Rabat|Moroccan,Moroccans|
Myanmar|Burma|Naypyidaw|Burmese|
Nepal||Kathmandu|Nepali,Nepalese|
Netherlands|Holland|Amsterdam|Dutch|
New Zealand||Wellington|New Zealander,New Zealanders|
Nigeria||Abuja|Nigerian,Nigerians|
North Korea|Democratic People's Republic of Korea|Pyongyang|North Korean,North Koreans|DPRK
Norway||Oslo|Norwegian,Norwegians|
Oman||Muscat|Omani,Omanis|
Pakistan||Islamabad|Pakistani,Pakistanis|
Palestine|Palestinian territories||Palestinian,Palestinians|
Peru||Lima|Peruvian,Peruvians|
Philippines||Manila|Filipino,Filipinos,Philippine|
Poland||Warsaw|Polish,Poles|
Portugal||Lisbon|Portuguese|
Qatar||Doha|Qatari,Qataris|
Romania||Bucharest|Romanian,Romanians|
Rwanda||Kigali|Rwandan,Rwandans|
Russia|Russian Federation|Moscow,Kremlin|Russian,Russians|
Saudi Arabia|Kingdom of Saudi Arabia|Riyadh|Saudi,Saudis|
Serbia||Belgrade|Serbian,Serbians,Serb,Serbs|
Singapore|||Singaporean,Singaporeans|
Slovakia||Bratislava|Slovak,Slovaks|
Slovenia||Ljubljana|Slovenian,Slovenians|
Somalia||Mogadishu|Somali,Somalis|
South Africa||Pretoria|South African,South Africans|
South Korea|Republic of Korea|Seoul|South Korean,South Koreans|
South Sudan||Juba|South Sudanese|
Soviet Union|USSR,U.S.S.R.||Soviet,Soviets|
Spain||Madrid|Spanish,Spaniards|
Sri Lanka||Colombo|Sri Lankan,Sri Lankans|
Sudan||Khartoum|Sudanese|
Sweden||Stockholm|Swedish,Swedes|
Switzerland||Bern|Swiss|
Syria|Syrian Arab Republic|Damascus|Syrian,Syrians|
Taiwan||Taipei|Taiwanese|
Tanzania||Dodoma|Tanzanian,Tanzanians|
Thailand||Bangkok|Thai,Thais|
Tunisia||Tunis|Tunisian,Tunisians|
Turkey|Türkiye,Turkiye,Republic of Türkiye,Republic of Turkey|Ankara|Turkish,Turks|
Uganda||Kampala|Ugandan,Ugandans|
Ukraine||Kyiv,Kiev|Ukrainian,Ukrainians|
United Arab Emirates||Abu Dhabi|Emirati,Emiratis|UAE
United Kingdom|Britain,Great Britain|London,Downing Street|British,Briton,Britons|UK,U.K.
United States|United States of America,America|Washington,White House|American,Americans|US,U.S.,USA,U.S.A.
Venezuela||Caracas|Venezuelan,Venezuelans|
Vietnam|Viet Nam|Hanoi|Vietnamese|
Yemen||Sanaa|Yemeni,Yemenis|
Zimbabwe||Harare|Zimbabwean,Zimbabweans|
`;

const BODY_ROWS = `
United Nations|UN,U.N.|
European Union|EU|
North Atlantic Treaty Organization|NATO|North Atlantic Treaty Organisation,Nato
World Health Organization|WHO|World Health Organisation
International Monetary Fund|IMF|
World Bank||
International Criminal Court|ICC|
UN Security Council|UNSC|Security Council,United Nations Security Council
European Commission||
Red Cross||International Committee of the Red Cross,ICRC
Amnesty International||Amnesty
Human Rights Watch|HRW|
Federal Bureau of Investigation|FBI|
Central Intelligence Agency|CIA|
Organization of the Petroleum Exporting Countries|OPEC|
Islamic State|ISIS,ISIL|Daesh
`;

const list = (cell: string | undefined): string[] =>
  (cell ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);

export const STATES: readonly StateEntry[] = STATE_ROWS.trim()
  .split('\n')
  .map((row) => {
    const [name, other, capitals, demonyms, acronyms] = row.split('|');
    return {
      name: name!.trim(),
      otherNames: list(other),
      capitals: list(capitals),
      demonyms: list(demonyms),
      acronyms: list(acronyms),
    };
  });

export const BODIES: readonly BodyEntry[] = BODY_ROWS.trim()
  .split('\n')
  .map((row) => {
    const [name, acronyms, other] = row.split('|');
    return { name: name!.trim(), acronyms: list(acronyms), otherNames: list(other) };
  });

export type GazetteerRole = 'name' | 'other' | 'capital' | 'demonym' | 'acronym';
export interface GazetteerHit {
  readonly kind: 'state' | 'organisation';
  readonly canonical: string;
  readonly role: GazetteerRole;
}

/** Every gazetteer form, written as articles write it, to its entry. Acronyms are matched exactly. */
export const GAZETTEER: ReadonlyMap<string, GazetteerHit> = (() => {
  const map = new Map<string, GazetteerHit>();
  const put = (form: string, hit: GazetteerHit) => {
    if (!map.has(form)) map.set(form, hit);
  };
  for (const s of STATES) {
    put(s.name, { kind: 'state', canonical: s.name, role: 'name' });
    for (const f of s.otherNames) put(f, { kind: 'state', canonical: s.name, role: 'other' });
    for (const f of s.capitals) put(f, { kind: 'state', canonical: s.name, role: 'capital' });
    for (const f of s.demonyms) put(f, { kind: 'state', canonical: s.name, role: 'demonym' });
    for (const f of s.acronyms) put(f, { kind: 'state', canonical: s.name, role: 'acronym' });
  }
  for (const b of BODIES) {
    put(b.name, { kind: 'organisation', canonical: b.name, role: 'name' });
    for (const f of b.acronyms) put(f, { kind: 'organisation', canonical: b.name, role: 'acronym' });
    for (const f of b.otherNames) put(f, { kind: 'organisation', canonical: b.name, role: 'other' });
  }
  return map;
})();

/** The entry of a canonical name, for its full set of forms. */
export function gazetteerForms(canonical: string): { forms: string[]; acronyms: string[] } {
  const s = STATES.find((e) => e.name === canonical);
  if (s) return { forms: [s.name, ...s.otherNames, ...s.capitals, ...s.demonyms], acronyms: [...s.acronyms] };
  const b = BODIES.find((e) => e.name === canonical);
  if (b) return { forms: [b.name, ...b.otherNames], acronyms: [...b.acronyms] };
  return { forms: [canonical], acronyms: [] };
}
