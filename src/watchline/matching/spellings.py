"""Spelling rules of the languages whose names a transcriber hears, as ordered regex tables.

Each table rewrites a folded Latin part (a-z) as its language's spelling is pronounced, in the
letters our romaniser writes for Cyrillic (kh, zh, sh, ch, ts, y for the glide); ``pronounce.py``
applies them. A rule writes its output in capitals, which later rules do not match, so an
earlier rule (sch) shields its letters from a later one (ch). The tables hold rules of each
spelling, never names: a table is read on every listed part, so a rule that only one name needs
would misread every other part it meets.

The folded part is all the vocabulary stores, so the letters folding already wrote out
(ç and ş as ch and sh, ğ as gh) are read as those digraphs; those it dropped (the umlauts, é,
the Hungarian long vowels) are read as the plain vowel.
"""

from __future__ import annotations

# Letters (a consonant) after which Polish i before a vowel only softens it (Wiesław: Веслав).
_C = "bcdfghjklmnpqrstvwxz"

# French: silent final consonants, vowel digraphs, nasal vowels, soft c/g, u as [y].
FRENCH = (
    (r"(?:er|ez|et)$", "E"),  # Chevrier, Jacquet: -ier, -et are [e]
    (r"(?<=[aeiouy])(?:l?[tdxz]|c?ts?|ds|s)$", ""),  # Legault, Marois, Dutoit, Lanoux
    (r"(?<=[bcdfghjklmnpqrsvwz])(?:ts|ds|[tdsxz])$", ""),  # Hébert, Bonnard
    (r"(?<=[^aeiouyE])e[sz]?$", ""),  # a final e is mute: Françoise, Annette
    (r"gu(?=[eiy])", "G"),
    (r"(?<=[aeiouy])ill", "Y"),  # Taillandier
    (r"eau|au", "O"),
    (r"oin(?=[bcdfghjklpqrstvwxz]|$)", "UEN"),
    (r"ien(?=[bcdfghjklpqrstvwxz]|$)", "YEN"),
    (r"(?:ai|ei|[iy])[nm](?=[bcdfghjklpqrstvwxz]|$)", "EN"),  # Guillaumin, Alain
    (r"[ae][nm](?=[bcdfghjklpqrstvwxz]|$)", "AN"),  # Laurent, Descamps
    (r"u[nm](?=[bcdfghjklpqrstvwxz]|$)", "EN"),
    (r"oi|oy", "UA"),  # Marois, Dutoit
    (r"ou", "U"),
    (r"ai|ei|eu|oeu", "E"),
    (r"ill", "IY"),  # Guillaumin
    (r"gn", "NY"),  # Haigneré
    (r"ch|sch", "SH"),
    (r"c(?=[eiyEIY])", "S"),
    (r"cqu|qu|cq|ck|cc|q|c|k", "K"),
    (r"g(?=[eiyEIY])|j", "ZH"),
    (r"ph", "F"),
    (r"th", "T"),
    (r"(?<=[aeiouyAEIOUY])s(?=[aeiouyAEIOUY])", "Z"),
    (r"x", "KS"),
    (r"w", "V"),
    (r"h", ""),
    (r"(?<=[bcdfgklmnprstvzBCDFGKLMNPRSTVZ])u", "YU"),  # Dutoit: Дютуа
    (r"y(?=[aeiouAEIOU])", "Y"),
    (r"y", "I"),
)

# English: magic e, vowel teams, j as dzh, w as u, initial h as kh, silent gh.
ENGLISH = (
    (r"(?<![aeiou])a(?=[bcdfgklmnprstvz]es?$)", "EY"),  # Yale, James
    (r"(?<![aeiou])i(?=[bcdfgklmnprstvz]es?$)", "AY"),  # Hynes
    (r"(?<![aeiou])o(?=[bcdfgklmnprstvz]es?$)", "OU"),  # Jones
    (r"(?<![aeiouq])u(?=[bcdfgklmnprstvz]es?$)", "YU"),
    (r"(?<=[bcdfgkmnprstvz])le$", "L"),
    (r"(?<=[aeiouy])s(?=e$)", "Z"),  # Clouse
    # a final -es after one consonant is the mute e and an s: Reeves, Charles, Hughes are
    # Ривз, Чарльз, Хьюз; James and Hawkes Джеймс, Хокс
    (r"(?<=[bdghlrv])es$", "Z"),
    (r"(?<=[fkmnpt])es$", "S"),
    (r"(?<=[^aeiouy])e$", ""),  # a final e is mute: Jayne
    (r"^wr|^rh", "R"),  # w and k are mute before an initial r, n: Wright, Knight; Rhodes
    (r"^kn", "N"),
    (r"(?<=h)ugh", "YU"),  # Hugh, Fitzhugh
    (r"igh", "AY"),
    (r"augh|ough", "O"),
    (r"^gh", "G"),
    (r"gh", ""),
    (r"ow(?=e|$)", "OU"),  # Howey
    (r"ey$|(?<=[bcdfgklmnprstvz])y$|ie$", "I"),  # Howey, Foley
    (r"ay|ai|ey|ei", "EY"),  # Jaycee, Jayne
    (r"ee|ea", "I"),  # Jaycee, Wheat
    (r"ew|eu", "YU"),  # Ewen, Beulah
    (r"ou|ow", "AU"),  # Clouse
    (r"aw", "O"),
    (r"oo", "U"),
    (r"wh|^w(?=[aeiouyAEIOUY])", "U"),  # Wheat, William, Wade
    (r"w", "V"),
    (r"tch", "CH"),
    (r"dge|ge$|j", "DZH"),  # Jaycee
    (r"sh", "SH"),
    (r"ch", "CH"),
    (r"ph", "F"),
    (r"th", "T"),
    (r"tz", "TS"),
    (r"c(?=[eiyEIY])", "S"),
    (r"ck|cc|c|k|q", "K"),
    (r"x", "KS"),
    (r"(?<=[aeiouyAEIOUY])h", ""),  # Beulah
    (r"h", "KH"),  # Hugh, Howey: Хью, Хоуи
    (r"y(?=[aeiouAEIOU])", "Y"),
    (r"y", "I"),
)

# English spelling's other reading of ow: au (Chow, Dow, Howell), where ``ENGLISH`` reads o
# (Barlow, Lowe). Neither is the rule, so both are read and the better one counts.
ENGLISH_OW_AU = ((r"ow", "AU"), *ENGLISH)

# Spanish and Portuguese: j and soft g as kh, ll as y, lh/nh as ly/ny, silent h.
SPANISH = (
    (r"gu(?=[ei])", "G"),
    (r"j|g(?=[ei])", "KH"),  # Julieta: خوليتا, Alejandro
    (r"ll", "Y"),
    (r"lh", "LY"),  # Ramalho
    (r"nh", "NY"),
    (r"qu", "K"),
    (r"ch", "CH"),
    (r"c(?=[ei])|z", "S"),
    (r"c", "K"),
    (r"x", "KS"),
    (r"h", ""),
    (r"y(?=[aeiou])", "Y"),
    (r"y", "I"),
)

# German: sch/tsch, ch as kh, ei as ay, eu as oy, ie, s before a vowel as z, z as ts,
# w as v and v as f, j as y, a vowel's lengthening h mute; the umlauts folding wrote as ae/oe/ue.
GERMAN = (
    (r"dsch", "DZH"),  # Dschingis: Джингис (how German writes a foreign j)
    (r"tsch", "CH"),  # Nitsche: Ниче
    (r"sch", "SH"),
    (r"^s(?=[pt])", "SH"),  # Stein, Spiegel: Штайн, Шпигель
    (r"chs", "KS"),  # Sachs, Fuchs: Закс, Фукс
    (r"ch", "KH"),
    (r"ck", "K"),
    (r"ph", "F"),
    (r"(?<!s)th", "T"),  # Theodor (not Westheimer: Вестхаймер)
    (r"dt$", "T"),  # Schmidt
    (r"qu", "KV"),
    (r"tz|z", "TS"),
    (r"(?<=[aeiouy])h(?![aeiouy])", ""),  # Lehmann, Kuhn: a vowel's length, not a sound
    (r"h", "KH"),
    (r"ei|ey|ai|ay", "AY"),  # Schneider, Meyer: Шнайдер, Майер
    (r"eu", "OY"),  # Voigt, Neumann: Фойгт, Нойман
    (r"ie", "I"),
    (r"ae|oe", "E"),  # Jaeger, Goethe: Егер, Гёте
    (r"ue", "YU"),  # Mueller: Мюллер
    (r"(?<=[aeiouAEIOU])s(?=[aeiou])|^s(?=[aeiou])", "Z"),  # Sachs, Rosa: Закс, Роза
    (r"j", "Y"),
    (r"w", "V"),
    (r"v", "F"),  # Volker: Фолькер
    (r"c(?=[eiy])", "TS"),
    (r"c|k", "K"),
    (r"x", "KS"),
    (r"y", "I"),
)

# Dutch and Flemish: ij/ei/ui as ey, oe as u, eu as e, au/ou, g and ch as kh, sch, j as y,
# w as v, doubled vowels once.
DUTCH = (
    (r"dzj", "DZH"),  # how Dutch writes foreign sounds: Dzjengis, Chroesjtsjov, Zjoekov
    (r"tsj", "CH"),
    (r"sj", "SH"),
    (r"zj", "ZH"),
    (r"sch$", "S"),  # Bosch: Бос
    (r"sch", "SKH"),  # Schiphol: Схипхол
    (r"ch|gh|g", "KH"),  # Van Gogh: Ван Хох
    (r"ij|ei|ey|ui|uy", "EY"),  # Van Dijk, Kuipers: Ван Дейк, Кейперс
    (r"oe", "U"),  # Hoekstra: Хукстра
    (r"ou|au", "AU"),  # Wauters: Ваутерс
    (r"eu", "E"),  # Deurloo: Дёрло
    (r"ie", "I"),
    (r"aa", "A"),
    (r"ee", "E"),
    (r"oo", "O"),
    (r"uu", "YU"),  # Ruud: Рюд
    (r"h", "KH"),
    (r"j", "Y"),  # Hintjens, Jansen: Янсен
    (r"w", "V"),
    (r"c(?=[eiy])", "S"),
    (r"ck|c|q", "K"),
    (r"x", "KS"),
    (r"y", "I"),
)

# Italian: soft c/g before e and i (ci/gi before a vowel as the consonant alone), ch/gh hard,
# gli, gn, sc, z as ts, h mute.
ITALIAN = (
    (r"sci(?=[aou])|sc(?=[ei])", "SH"),  # Sciascia: Шаша
    (r"c?ci(?=[aou])|c?c(?=[ei])", "CH"),  # Luciano, Cicerone: Лучано, Чичероне
    (r"g?gi(?=[aou])|g?g(?=[ei])", "DZH"),  # Giuseppe, Angelo: Джузеппе, Анджело
    (r"gli(?=[aeou])", "LY"),  # Figliuolo
    (r"gn", "NY"),
    (r"c?ch|cc|c|k", "K"),
    (r"gh", "G"),
    (r"qu", "KV"),
    (r"z", "TS"),  # Pizzi: Пицци
    (r"(?<=[aeiou])s(?=[aeiou])", "Z"),  # Rosa: Роза
    (r"h", ""),
    (r"j", "Y"),
    (r"x", "KS"),
    (r"w", "V"),
    (r"y", "I"),
)

# Hungarian: s as sh, sz as s, zs as zh, cs (and the older ch) as ch, c and cz as ts, the
# palatals gy/ny/ty and ly, j as y.
HUNGARIAN = (
    (r"c?cs|ch", "CH"),  # Kocsis, Széchenyi: Кочиш, Сечени
    (r"zs", "ZH"),  # Zsolt: Жолт
    (r"sz", "S"),  # Szabó: Сабо
    (r"s", "SH"),  # Sándor: Шандор
    (r"cz|tz|c", "TS"),
    (r"gy(?=[aeiou])", "DY"),  # Gyula: Дьюла
    (r"gy", "D"),  # Nagy: Надь
    (r"ny(?=[aeiou])", "NY"),
    (r"ny", "N"),
    (r"ty(?=[aeiou])", "TY"),
    (r"ty", "T"),
    (r"l?ly", "Y"),  # Mihály: Михай
    (r"j", "Y"),  # József: Йожеф
    (r"th", "T"),  # Thököly, Batthyány
    (r"h", "KH"),
    (r"w", "V"),
    (r"x", "KS"),
    (r"y", "I"),
)

# Polish: sz/cz/szcz/rz/ż, ch and h as kh, w as v, c as ts, j as y, a soft i before a vowel.
POLISH = (
    (r"szcz", "SHCH"),  # Szczepański: Щепаньский
    (r"sz", "SH"),
    (r"c?cz", "CH"),  # Jurhialewicz: Юргялевич
    (r"(?<=[ptk])rz", "SH"),  # after a voiceless consonant: Jastrzębowska, Ястшембовска
    (r"rz", "ZH"),  # Grzegorz: Гжегож
    (r"ch|h", "KH"),
    (rf"(?<=[{_C}{_C.upper()}])ie", "E"),  # Wiesław, Zbigniew: Веслав, Збигнев
    (rf"(?<=[{_C}{_C.upper()}])i(?=[aou])", "Y"),  # Jurhialewicz, Marianna: Юргялевич
    (r"w", "V"),
    (r"c", "TS"),
    (r"j", "Y"),
    (r"qu", "KV"),
    (r"x", "KS"),
)

# Turkish and Azerbaijani: c as dzh, j as zh; ç, ş and ğ fold to ch, sh and gh, which read
# as they are written (Ağca: Агджа, آغجا).
TURKISH = (
    (r"c(?!h)", "DZH"),  # Cevat, Civan: Джеват, Дживан
    (r"j", "ZH"),
)

# Hanyu Pinyin as the Palladius system writes it, for a part that is a run of Pinyin syllables
# only (``pronounce.pinyin_reading`` checks that before these apply).
PINYIN_SYLLABLE = (
    r"(?:[jqx](?:iang|iong|iao|ian|ia|ie|ing|in|iu|i|uan|ue|un|u)"  # j, q, x only before i, ü
    r"|(?:zh|ch|sh|[bpmfdtnlgkhrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu"
    r"|ou|ua|ue|ui|un|uo|a|e|i|u)"
    r"|[bpmfwy]?o)"  # a bare o only after a labial: Bo, Mo (not Ko, Cho, Jo)
)
PINYIN = (
    (r"(?<=[jqx])u(?=an|n|e)|yu(?=an|n|e)", "YU"),  # Quan, Yuan, Xue: Цюань, Юань, Сюэ
    (r"(?<=[jqx])u|yu", "YUY"),  # Xu, Yu: Сюй, Юй
    (r"yi", "I"),
    (r"you|(?<=[jqx])iu|(?<=[bdlmn])iu", "YU"),  # Liu: Лю
    (r"(?<=[jqxy])iong|yong", "YUN"),  # Xiong: Сюн
    (r"(?<=[bcdfghjklmnpqrstxz])i(?=a)", "Y"),  # Jiang, Lian: Цзян, Лянь
    (r"(?<=[bcdfghjklmnpqrstxz])ie|^ye", "E"),  # Xie: Се
    (r"(?<=[zcs])i", "Y"),  # Si, Zi: Сы, Цзы (but Shi, Zhi: Ши, Чжи)
    (r"ai", "AY"),  # Cai: Цай
    (r"ei", "EY"),  # Wei: Вэй
    (r"ui", "UY"),  # Gui: Гуй
    (r"uo", "O"),  # Guo: Го
    (r"wu", "U"),
    (r"ng", "N"),  # Wang, Zhong: Ван, Чжун
    (r"o(?=N)", "U"),
    (r"zh", "CHZH"),  # Zhou: Чжоу
    (r"ch", "CH"),
    (r"sh", "SH"),
    (r"[jz]", "TSZ"),  # Jiang, Zeng: Цзян, Цзэн
    (r"[qc]", "TS"),  # Qin, Cai: Цинь, Цай
    (r"x", "S"),  # Xi: Си
    (r"r(?=[aeiou])", "ZH"),  # Ren: Жэнь (not the r of er)
    (r"h", "KH"),
    (r"w", "V"),  # Wei: Вэй
)
