/**
 * Curated names for the states, blocs and organisations most present in sanctions and
 * diplomatic news: the short name Demarche records, demonyms, capitals and other metonyms
 * ("the Kremlin", "Downing Street"). `i18n-iso-countries` supplies the official and
 * alternative English names of every state; this file adds what it lacks. Aliases are
 * matched case-sensitively when they are written in capitals ("US", "UK"), otherwise
 * without regard to case or accents.
 *
 * A capital is listed only where news uses it for the government ("Moscow expelled…");
 * ambiguous city names (Washington is also a state, but news usage is overwhelmingly
 * the government) are kept because the drafter only reads them as actors in clauses.
 */

export type CuratedState = {
  /** The name Demarche records for the state (short common English name). */
  name: string;
  /** Demonyms (singular adjective and plural noun), capitals, metonyms, other names. */
  aliases: string[];
};

export const CURATED_STATES: Record<string, CuratedState> = {
  US: {
    name: "United States",
    aliases: [
      "the US", "the U.S.", "U.S.", "US", "USA", "the United States", "America", "American", "Americans",
      "Washington", "the White House", "White House", "the State Department", "State Department",
      "the Pentagon", "the US Treasury", "US Treasury", "the Treasury Department", "Treasury Department",
      "the Biden administration", "the Trump administration", "the Obama administration",
    ],
  },
  RU: {
    name: "Russia",
    aliases: [
      "Russian", "Russians", "Russian Federation", "Moscow", "the Kremlin", "Kremlin",
      "the Russian Foreign Ministry", "Russian Foreign Ministry", "Smolenskaya Square",
    ],
  },
  CN: {
    name: "China",
    aliases: [
      "Chinese", "People's Republic of China", "PRC", "Beijing", "Zhongnanhai",
      "the Chinese Foreign Ministry", "Chinese Foreign Ministry",
    ],
  },
  GB: {
    name: "United Kingdom",
    aliases: [
      "UK", "the UK", "U.K.", "the U.K.", "Britain", "Great Britain", "British", "Briton", "Britons",
      "London", "Downing Street", "Whitehall", "the Foreign Office", "Foreign Office",
    ],
  },
  FR: { name: "France", aliases: ["French", "Paris", "the Elysee", "the Élysée", "Elysee Palace", "Quai d'Orsay"] },
  DE: { name: "Germany", aliases: ["German", "Germans", "Berlin", "the Chancellery"] },
  TR: { name: "Turkey", aliases: ["Türkiye", "Turkiye", "Turkish", "Turks", "Ankara"] },
  CZ: { name: "Czech Republic", aliases: ["Czechia", "Czech", "Czechs", "Prague"] },
  PL: { name: "Poland", aliases: ["Polish", "Poles", "Warsaw"] },
  LT: { name: "Lithuania", aliases: ["Lithuanian", "Lithuanians", "Vilnius"] },
  LV: { name: "Latvia", aliases: ["Latvian", "Latvians", "Riga"] },
  EE: { name: "Estonia", aliases: ["Estonian", "Estonians", "Tallinn"] },
  UA: { name: "Ukraine", aliases: ["Ukrainian", "Ukrainians", "Kyiv", "Kiev"] },
  BY: { name: "Belarus", aliases: ["Belarusian", "Belarusians", "Minsk"] },
  IR: { name: "Iran", aliases: ["Iranian", "Iranians", "Tehran", "Teheran", "Islamic Republic"] },
  KP: { name: "North Korea", aliases: ["North Korean", "North Koreans", "DPRK", "Pyongyang"] },
  KR: { name: "South Korea", aliases: ["South Korean", "South Koreans", "Seoul"] },
  JP: { name: "Japan", aliases: ["Japanese", "Tokyo"] },
  AU: { name: "Australia", aliases: ["Australian", "Australians", "Canberra"] },
  CA: { name: "Canada", aliases: ["Canadian", "Canadians", "Ottawa"] },
  NZ: { name: "New Zealand", aliases: ["New Zealander", "New Zealanders", "Wellington"] },
  IN: { name: "India", aliases: ["Indian", "Indians", "New Delhi"] },
  PK: { name: "Pakistan", aliases: ["Pakistani", "Pakistanis", "Islamabad"] },
  SA: { name: "Saudi Arabia", aliases: ["Saudi", "Saudis", "Riyadh"] },
  AE: { name: "United Arab Emirates", aliases: ["UAE", "the UAE", "Emirati", "Emiratis", "Abu Dhabi"] },
  QA: { name: "Qatar", aliases: ["Qatari", "Qataris", "Doha"] },
  IL: { name: "Israel", aliases: ["Israeli", "Israelis", "Jerusalem"] },
  PS: { name: "Palestine", aliases: ["Palestinian", "Palestinians"] },
  SY: { name: "Syria", aliases: ["Syrian", "Syrians", "Damascus"] },
  IQ: { name: "Iraq", aliases: ["Iraqi", "Iraqis", "Baghdad"] },
  AF: { name: "Afghanistan", aliases: ["Afghan", "Afghans", "Kabul"] },
  VE: { name: "Venezuela", aliases: ["Venezuelan", "Venezuelans", "Caracas"] },
  CU: { name: "Cuba", aliases: ["Cuban", "Cubans", "Havana"] },
  NI: { name: "Nicaragua", aliases: ["Nicaraguan", "Nicaraguans", "Managua"] },
  MM: { name: "Myanmar", aliases: ["Burma", "Burmese", "Naypyidaw", "Naypyitaw"] },
  CH: { name: "Switzerland", aliases: ["Swiss", "Bern"] },
  SE: { name: "Sweden", aliases: ["Swedish", "Swedes", "Stockholm"] },
  NO: { name: "Norway", aliases: ["Norwegian", "Norwegians", "Oslo"] },
  FI: { name: "Finland", aliases: ["Finnish", "Finns", "Helsinki"] },
  DK: { name: "Denmark", aliases: ["Danish", "Danes", "Copenhagen"] },
  NL: { name: "Netherlands", aliases: ["the Netherlands", "Dutch", "The Hague", "Holland"] },
  BE: { name: "Belgium", aliases: ["Belgian", "Belgians"] },
  IT: { name: "Italy", aliases: ["Italian", "Italians", "Rome"] },
  ES: { name: "Spain", aliases: ["Spanish", "Spaniards", "Madrid"] },
  PT: { name: "Portugal", aliases: ["Portuguese", "Lisbon"] },
  AT: { name: "Austria", aliases: ["Austrian", "Austrians", "Vienna"] },
  HU: { name: "Hungary", aliases: ["Hungarian", "Hungarians", "Budapest"] },
  RO: { name: "Romania", aliases: ["Romanian", "Romanians", "Bucharest"] },
  BG: { name: "Bulgaria", aliases: ["Bulgarian", "Bulgarians", "Sofia"] },
  SK: { name: "Slovakia", aliases: ["Slovak", "Slovaks", "Bratislava"] },
  SI: { name: "Slovenia", aliases: ["Slovenian", "Slovenians", "Ljubljana"] },
  HR: { name: "Croatia", aliases: ["Croatian", "Croatians", "Zagreb"] },
  RS: { name: "Serbia", aliases: ["Serbian", "Serbians", "Belgrade"] },
  GR: { name: "Greece", aliases: ["Greek", "Greeks", "Athens"] },
  CY: { name: "Cyprus", aliases: ["Cypriot", "Cypriots", "Nicosia"] },
  IE: { name: "Ireland", aliases: ["Irish", "Dublin"] },
  MX: { name: "Mexico", aliases: ["Mexican", "Mexicans", "Mexico City"] },
  BR: { name: "Brazil", aliases: ["Brazilian", "Brazilians", "Brasilia", "Brasília"] },
  AR: { name: "Argentina", aliases: ["Argentine", "Argentinian", "Argentines", "Buenos Aires"] },
  EG: { name: "Egypt", aliases: ["Egyptian", "Egyptians", "Cairo"] },
  LY: { name: "Libya", aliases: ["Libyan", "Libyans", "Tripoli"] },
  SD: { name: "Sudan", aliases: ["Sudanese", "Khartoum"] },
  ZW: { name: "Zimbabwe", aliases: ["Zimbabwean", "Zimbabweans", "Harare"] },
  ML: { name: "Mali", aliases: ["Malian", "Malians", "Bamako"] },
  ET: { name: "Ethiopia", aliases: ["Ethiopian", "Ethiopians", "Addis Ababa"] },
  ER: { name: "Eritrea", aliases: ["Eritrean", "Eritreans", "Asmara"] },
  ZA: { name: "South Africa", aliases: ["South African", "South Africans", "Pretoria"] },
  KZ: { name: "Kazakhstan", aliases: ["Kazakh", "Kazakhs", "Astana", "Nur-Sultan"] },
  GE: { name: "Georgia", aliases: ["Georgian", "Georgians", "Tbilisi"] },
  AM: { name: "Armenia", aliases: ["Armenian", "Armenians", "Yerevan"] },
  AZ: { name: "Azerbaijan", aliases: ["Azerbaijani", "Azerbaijanis", "Azeri", "Baku"] },
  MD: { name: "Moldova", aliases: ["Moldovan", "Moldovans", "Chisinau", "Chișinău"] },
  TW: { name: "Taiwan", aliases: ["Taiwanese", "Taipei", "Republic of China"] },
  VN: { name: "Vietnam", aliases: ["Viet Nam", "Vietnamese", "Hanoi"] },
  LB: { name: "Lebanon", aliases: ["Lebanese", "Beirut"] },
  YE: { name: "Yemen", aliases: ["Yemeni", "Yemenis", "Sanaa", "Sana'a"] },
  NG: { name: "Nigeria", aliases: ["Nigerian", "Nigerians", "Abuja"] },
  MK: { name: "North Macedonia", aliases: ["Macedonian", "Skopje"] },
  ME: { name: "Montenegro", aliases: ["Montenegrin", "Podgorica"] },
  AL: { name: "Albania", aliases: ["Albanian", "Albanians", "Tirana"] },
  LU: { name: "Luxembourg", aliases: ["Luxembourgish"] },
  MT: { name: "Malta", aliases: ["Maltese", "Valletta"] },
  IS: { name: "Iceland", aliases: ["Icelandic", "Reykjavik"] },
  HK: { name: "Hong Kong", aliases: [] },
  BD: { name: "Bangladesh", aliases: ["Bangladeshi", "Dhaka"] },
  ID: { name: "Indonesia", aliases: ["Indonesian", "Jakarta"] },
  MY: { name: "Malaysia", aliases: ["Malaysian", "Kuala Lumpur"] },
  SG: { name: "Singapore", aliases: ["Singaporean"] },
  PH: { name: "Philippines", aliases: ["the Philippines", "Philippine", "Filipino", "Manila"] },
  TH: { name: "Thailand", aliases: ["Thai", "Bangkok"] },
  CL: { name: "Chile", aliases: ["Chilean", "Santiago"] },
  CO: { name: "Colombia", aliases: ["Colombian", "Bogota", "Bogotá"] },
};

export type CuratedOrganisation = {
  name: string;
  kind: "bloc" | "international-organisation";
  aliases: string[];
};

/** Blocs and international organisations. "Brussels" is read as the EU. */
export const CURATED_ORGANISATIONS: CuratedOrganisation[] = [
  {
    name: "European Union",
    kind: "bloc",
    aliases: [
      "EU", "the EU", "E.U.", "the European Union", "Brussels", "the European Council", "European Council",
      "the Council of the EU", "the Council of the European Union", "the European Commission",
      "European Commission", "EU foreign ministers", "the bloc", "the 27-nation bloc", "the European Parliament", "European Parliament", "European",
    ],
  },
  {
    name: "NATO",
    kind: "bloc",
    aliases: ["the North Atlantic Treaty Organization", "North Atlantic Treaty Organization", "the Alliance", "the alliance", "NATO's"],
  },
  {
    name: "United Nations",
    kind: "international-organisation",
    aliases: ["UN", "the UN", "U.N.", "the U.N.", "the United Nations", "the UN Security Council", "UN Security Council", "the UN General Assembly", "the World Health Organization", "WHO", "the World Health Assembly", "the UN Human Rights Council"],
  },
  { name: "G7", kind: "bloc", aliases: ["G-7", "the G7", "the G-7", "Group of Seven", "the Group of Seven"] },
  { name: "G20", kind: "bloc", aliases: ["G-20", "the G20", "the G-20", "Group of Twenty"] },
  { name: "Five Eyes", kind: "bloc", aliases: ["the Five Eyes"] },
  { name: "African Union", kind: "bloc", aliases: ["AU", "the AU", "the African Union"] },
  { name: "ASEAN", kind: "bloc", aliases: ["the Association of Southeast Asian Nations", "Association of Southeast Asian Nations"] },
  { name: "OSCE", kind: "international-organisation", aliases: ["the Organization for Security and Co-operation in Europe"] },
  { name: "Council of Europe", kind: "international-organisation", aliases: ["the Council of Europe"] },
];

/**
 * Transliteration variants of first and family names, each group one name. "Sergey
 * Lavrov" in the database also matches "Sergei Lavrov" in an article.
 */
export const NAME_VARIANT_GROUPS: readonly (readonly string[])[] = [
  ["Sergey", "Sergei", "Serguei"],
  ["Alexey", "Alexei", "Aleksei", "Aleksey"],
  ["Alexander", "Aleksandr", "Alexandr"],
  ["Dmitry", "Dmitri", "Dmitriy"],
  ["Yury", "Yuri", "Yuriy", "Iouri"],
  ["Mikhail", "Michail"],
  ["Nikolai", "Nikolay"],
  ["Andrei", "Andrey"],
  ["Anatoly", "Anatoli", "Anatoliy"],
  ["Vasily", "Vasili", "Vasiliy"],
  ["Yevgeny", "Evgeny", "Yevgeni", "Evgeniy"],
  ["Maria", "Mariya"],
  ["Zakharova", "Zaharova"],
  ["Peskov", "Peskoff"],
  ["Zelensky", "Zelenskyy", "Zelenskiy"],
  ["Lukashenko", "Lukashenka"],
  ["Navalny", "Navalnyy"],
  ["Skripal", "Skripal'"],
  ["Mohammad", "Mohammed", "Muhammad", "Mohamed"],
  ["Javad", "Jawad"],
];

export type CuratedPerson = { name: string; stateCode: string; aliases: string[] };

/**
 * Heads of state and government, foreign ministers and spokespeople most quoted in
 * sanctions news since 2017, so that "Lavrov" or "Erdogan" resolves to a state without a
 * database. The database's person actors (and their aliases) take precedence.
 */
export const CURATED_PERSONS: CuratedPerson[] = [
  { name: "Joe Biden", stateCode: "US", aliases: ["Biden"] },
  { name: "Donald Trump", stateCode: "US", aliases: ["Trump"] },
  { name: "Barack Obama", stateCode: "US", aliases: ["Obama"] },
  { name: "Kamala Harris", stateCode: "US", aliases: [] },
  { name: "Antony Blinken", stateCode: "US", aliases: ["Blinken", "Tony Blinken"] },
  { name: "Mike Pompeo", stateCode: "US", aliases: ["Pompeo", "Michael Pompeo"] },
  { name: "Rex Tillerson", stateCode: "US", aliases: ["Tillerson"] },
  { name: "Marco Rubio", stateCode: "US", aliases: ["Rubio"] },
  { name: "Janet Yellen", stateCode: "US", aliases: ["Yellen"] },
  { name: "Steven Mnuchin", stateCode: "US", aliases: ["Mnuchin"] },
  { name: "Jake Sullivan", stateCode: "US", aliases: [] },
  { name: "John Bolton", stateCode: "US", aliases: ["Bolton"] },
  { name: "Heather Nauert", stateCode: "US", aliases: ["Nauert"] },
  { name: "Vladimir Putin", stateCode: "RU", aliases: ["Putin"] },
  { name: "Sergey Lavrov", stateCode: "RU", aliases: ["Lavrov"] },
  { name: "Dmitry Peskov", stateCode: "RU", aliases: ["Peskov"] },
  { name: "Maria Zakharova", stateCode: "RU", aliases: ["Zakharova"] },
  { name: "Dmitry Medvedev", stateCode: "RU", aliases: ["Medvedev"] },
  { name: "Mikhail Mishustin", stateCode: "RU", aliases: ["Mishustin"] },
  { name: "Anatoly Antonov", stateCode: "RU", aliases: ["Antonov"] },
  { name: "Sergei Ryabkov", stateCode: "RU", aliases: ["Ryabkov"] },
  { name: "Xi Jinping", stateCode: "CN", aliases: ["Xi"] },
  { name: "Wang Yi", stateCode: "CN", aliases: [] },
  { name: "Li Keqiang", stateCode: "CN", aliases: [] },
  { name: "Li Qiang", stateCode: "CN", aliases: [] },
  { name: "Zhao Lijian", stateCode: "CN", aliases: [] },
  { name: "Hua Chunying", stateCode: "CN", aliases: [] },
  { name: "Wang Wenbin", stateCode: "CN", aliases: [] },
  { name: "Qin Gang", stateCode: "CN", aliases: [] },
  { name: "Theresa May", stateCode: "GB", aliases: [] },
  { name: "Boris Johnson", stateCode: "GB", aliases: ["Johnson"] },
  { name: "Rishi Sunak", stateCode: "GB", aliases: ["Sunak"] },
  { name: "Keir Starmer", stateCode: "GB", aliases: ["Starmer"] },
  { name: "Liz Truss", stateCode: "GB", aliases: ["Truss"] },
  { name: "Dominic Raab", stateCode: "GB", aliases: ["Raab"] },
  { name: "James Cleverly", stateCode: "GB", aliases: ["Cleverly"] },
  { name: "Angela Merkel", stateCode: "DE", aliases: ["Merkel"] },
  { name: "Olaf Scholz", stateCode: "DE", aliases: ["Scholz"] },
  { name: "Heiko Maas", stateCode: "DE", aliases: ["Maas"] },
  { name: "Annalena Baerbock", stateCode: "DE", aliases: ["Baerbock"] },
  { name: "Friedrich Merz", stateCode: "DE", aliases: ["Merz"] },
  { name: "Emmanuel Macron", stateCode: "FR", aliases: ["Macron"] },
  { name: "Jean-Yves Le Drian", stateCode: "FR", aliases: ["Le Drian"] },
  { name: "Recep Tayyip Erdoğan", stateCode: "TR", aliases: ["Erdoğan", "Erdogan", "Recep Tayyip Erdogan", "Tayyip Erdogan"] },
  { name: "Mevlüt Çavuşoğlu", stateCode: "TR", aliases: ["Cavusoglu", "Çavuşoğlu", "Mevlut Cavusoglu"] },
  { name: "Hakan Fidan", stateCode: "TR", aliases: ["Fidan"] },
  { name: "İsmail Demir", stateCode: "TR", aliases: ["Ismail Demir", "Demir"] },
  { name: "Volodymyr Zelensky", stateCode: "UA", aliases: ["Zelensky", "Zelenskyy"] },
  { name: "Dmytro Kuleba", stateCode: "UA", aliases: ["Kuleba"] },
  { name: "Andrej Babiš", stateCode: "CZ", aliases: ["Babiš", "Babis", "Andrej Babis"] },
  { name: "Jan Hamáček", stateCode: "CZ", aliases: ["Hamáček", "Hamacek", "Jan Hamacek"] },
  { name: "Jakub Kulhánek", stateCode: "CZ", aliases: ["Kulhánek", "Kulhanek", "Jakub Kulhanek"] },
  { name: "Miloš Zeman", stateCode: "CZ", aliases: ["Zeman", "Milos Zeman"] },
  { name: "Mateusz Morawiecki", stateCode: "PL", aliases: ["Morawiecki"] },
  { name: "Zbigniew Rau", stateCode: "PL", aliases: ["Rau"] },
  { name: "Andrzej Duda", stateCode: "PL", aliases: ["Duda"] },
  { name: "Gabrielius Landsbergis", stateCode: "LT", aliases: ["Landsbergis"] },
  { name: "Gitanas Nausėda", stateCode: "LT", aliases: ["Nauseda", "Nausėda"] },
  { name: "Scott Morrison", stateCode: "AU", aliases: ["Morrison"] },
  { name: "Marise Payne", stateCode: "AU", aliases: ["Payne"] },
  { name: "Simon Birmingham", stateCode: "AU", aliases: [] },
  { name: "Anthony Albanese", stateCode: "AU", aliases: ["Albanese"] },
  { name: "Justin Trudeau", stateCode: "CA", aliases: ["Trudeau"] },
  { name: "Ali Khamenei", stateCode: "IR", aliases: ["Khamenei"] },
  { name: "Hassan Rouhani", stateCode: "IR", aliases: ["Rouhani"] },
  { name: "Javad Zarif", stateCode: "IR", aliases: ["Zarif", "Mohammad Javad Zarif"] },
  { name: "Alexander Lukashenko", stateCode: "BY", aliases: ["Lukashenko"] },
  { name: "Kim Jong Un", stateCode: "KP", aliases: ["Kim Jong-un", "Kim Jong-Un"] },
  { name: "Fumio Kishida", stateCode: "JP", aliases: ["Kishida"] },
  { name: "Shinzo Abe", stateCode: "JP", aliases: [] },
  { name: "Narendra Modi", stateCode: "IN", aliases: ["Modi"] },
  { name: "Mohammed bin Salman", stateCode: "SA", aliases: [] },
];
