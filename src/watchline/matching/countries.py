"""Country codes and names reduced to ISO 3166 alpha-2, so that nationalities compare.

Lists write nationalities as names ("Russian Federation"), FtM as alpha-2 ("ru") and travel
documents as ICAO alpha-3 ("RUS", "D" for Germany). The tables below are ISO 3166 facts
(generated once from the territory list of the ``rigour`` package; regenerate rather than
edit by hand).
"""

from __future__ import annotations

import re
from typing import Final

_ALPHA3 = """
abw:aw afg:af ago:ao aia:ai ala:ax alb:al and:ad are:ae arg:ar arm:am atg:ag aus:au aut:at
aze:az bdi:bi bel:be ben:bj bfa:bf bgd:bd bgr:bg bhr:bh bhs:bs bih:ba blr:by blz:bz bmu:bm
bol:bo bra:br brb:bb brn:bn btn:bt bwa:bw caf:cf can:ca cck:cc che:ch chl:cl chn:cn civ:ci
cmr:cm cod:cd cog:cg cok:ck col:co com:km cpv:cv cri:cr cub:cu cuw:cw cxr:cx cym:ky cyp:cy
cze:cz d:de ddr:dd deu:de dji:dj dma:dm dnk:dk dom:do dza:dz ecu:ec egy:eg eri:er esh:eh esp:es
est:ee eth:et fin:fi fji:fj flk:fk fra:fr fro:fo fsm:fm gab:ga gbd:gb gbn:gb gbo:gb gbp:gb
gbr:gb gbs:gb geo:ge ggy:gg gha:gh gib:gi gin:gn gmb:gm gnb:gw gnq:gq grc:gr grd:gd grl:gl
gtm:gt guy:gy hnd:hn hrv:hr hti:ht hun:hu idn:id imn:im ind:in iot:io irl:ie irn:ir irq:iq
isl:is isr:il ita:it jam:jm jey:je jor:jo jpn:jp kaz:kz ken:ke kgz:kg khm:kh kir:ki kna:kn
kor:kr kwt:kw lao:la lbn:lb lbr:lr lby:ly lca:lc lie:li lka:lk lso:ls ltu:lt lux:lu lva:lv
mar:ma mco:mc mda:md mdg:mg mdv:mv mex:mx mhl:mh mkd:mk mli:ml mlt:mt mmr:mm mne:me mng:mn
moz:mz mrt:mr msr:ms mus:mu mwi:mw mys:my nam:na ner:ne nfk:nf nga:ng nic:ni niu:nu nld:nl
nor:no npl:np nru:nr nzl:nz omn:om pak:pk pan:pa pcn:pn per:pe phl:ph plw:pw png:pg pol:pl
prk:kp prt:pt pry:py qat:qa rks:xk rou:ro rus:ru rwa:rw sau:sa sdn:sd sen:sn sgp:sg sgs:gs
shn:sh slb:sb sle:sl slv:sv smr:sm som:so srb:rs ssd:ss stp:st sur:sr svk:sk svn:si swe:se
swz:sz sxm:sx syc:sc syr:sy tca:tc tcd:td tgo:tg tha:th tjk:tj tkm:tm tls:tl ton:to tto:tt
tun:tn tur:tr tuv:tv twn:tw tza:tz uga:ug ukr:ua ury:uy usa:us uzb:uz vat:va vct:vc ven:ve
vgb:vg vnm:vn vut:vu wlf:wf wsm:ws xkx:xk yem:ye zaf:za zar:zr zmb:zm zwe:zw
"""

_NAMES = """
afghanistan:af | albania:al | algeria:dz | andorra:ad | angola:ao | anguilla:ai | antigua and
barbuda:ag | arab republic of egypt:eg | argentina:ar | argentine republic:ar | armenia:am |
aruba:aw | australia:au | austria:at | azerbaijan:az | bahamas:bs | bahrain:bh | bailiwick of
guernsey:gg | bailiwick of jersey:je | bangladesh:bd | barbados:bb | belarus:by | belgium:be |
belize:bz | benin:bj | bermuda:bm | bhutan:bt | bolivarian republic of venezuela:ve | bolivia:bo
| bosnia and herzegovina:ba | botswana:bw | brazil:br | british indian ocean territory:io |
british overseas territory of gibraltar:gi | british virgin islands:vg | brunei:bn | brunei
darussalam:bn | bulgaria:bg | burkina faso:bf | burundi:bi | c te d ivoire:ci | cambodia:kh |
cameroon:cm | canada:ca | cape verde:cv | cayman islands:ky | central african republic:cf |
chad:td | chile:cl | china:cn | christmas island:cx | cocos keeling islands:cc | colombia:co |
commonwealth of australia:au | commonwealth of dominica:dm | commonwealth of the bahamas:bs |
comoros:km | congo brazzaville:cg | cook islands:ck | costa rica:cr | croatia:hr | cuba:cu |
cura ao:cw | cyprus:cy | czech republic:cz | czechia:cz | democratic people s republic of
korea:kp | democratic republic of s o tom and pr ncipe:st | democratic republic of the congo:cd
| democratic socialist republic of sri lanka:lk | denmark:dk | djibouti:dj | dominica:dm |
dominican republic:do | dr congo:cd | east germany:dd | ecuador:ec | egypt:eg | el salvador:sv |
equatorial guinea:gq | eritrea:er | estonia:ee | eswatini:sz | ethiopia:et | falkland islands:fk
| falkland islands malvinas:fk | faroe islands:fo | federal democratic republic of nepal:np |
federal republic of germany:de | federal republic of somalia:so | federated states of
micronesia:fm | federation of saint christopher and nevis:kn | fiji:fj | finland:fi | france:fr
| french republic:fr | gabon:ga | gabonese republic:ga | gambia:gm | georgia:ge | german
democratic republic:dd | germany:de | ghana:gh | gibraltar:gi | greece:gr | greenland:gl |
grenada:gd | guatemala:gt | guernsey:gg | guinea:gn | guinea bissau:gw | guyana:gy | haiti:ht |
hashemite kingdom of jordan:jo | holy see:va | holy see vatican:va | honduras:hn | hungary:hu |
iceland:is | independent state of papua new guinea:pg | independent state of samoa:ws | india:in
| indonesia:id | iran:ir | iraq:iq | ireland:ie | islamic emirate of afghanistan:af | islamic
republic of iran:ir | islamic republic of pakistan:pk | isle of man:im | israel:il | italy:it |
jamaica:jm | japan:jp | jersey:je | jordan:jo | kazakhstan:kz | kenya:ke | kingdom of bahrain:bh
| kingdom of belgium:be | kingdom of cambodia:kh | kingdom of denmark:dk | kingdom of
eswatini:sz | kingdom of norway:no | kingdom of saudi arabia:sa | kingdom of sweden:se | kingdom
of thailand:th | kingdom of the netherlands:nl | kingdom of tonga:to | kiribati:ki | kosovo:xk |
kuwait:kw | kyrgyz republic:kg | kyrgyzstan:kg | land islands:ax | lao people s democratic
republic:la | laos:la | latvia:lv | lebanon:lb | lesotho:ls | liberia:lr | libya:ly |
liechtenstein:li | lithuania:lt | luxembourg:lu | madagascar:mg | malawi:mw | malaysia:my |
maldives:mv | mali:ml | malta:mt | marshall islands:mh | mauritania:mr | mauritius:mu |
mexico:mx | micronesia:fm | moldova:md | monaco:mc | mongolia:mn | montenegro:me | montserrat:ms
| morocco:ma | mozambique:mz | myanmar:mm | myanmar burma:mm | namibia:na | naoero:nr | nepal:np
| netherlands:nl | new zealand:nz | nicaragua:ni | niger:ne | nigeria:ng | niue:nu | norfolk
island:nf | north korea:kp | north macedonia:mk | norway:no | oman:om | oriental republic of
uruguay:uy | pakistan:pk | palau:pw | panama:pa | papua new guinea:pg | paraguay:py | people s
democratic republic of algeria:dz | people s republic of bangladesh:bd | people s republic of
china:cn | peru:pe | philippines:ph | pitcairn:pn | pitcairn islands:pn | plurinational state of
bolivia:bo | poland:pl | portugal:pt | portuguese republic:pt | principality of andorra:ad |
qatar:qa | republic of albania:al | republic of angola:ao | republic of austria:at | republic of
azerbaijan:az | republic of belarus:by | republic of botswana:bw | republic of cabo verde:cv |
republic of cameroon:cm | republic of chad:td | republic of chile:cl | republic of colombia:co |
republic of croatia:hr | republic of cuba:cu | republic of djibouti:dj | republic of ecuador:ec
| republic of el salvador:sv | republic of estonia:ee | republic of fiji:fj | republic of
finland:fi | republic of haiti:ht | republic of india:in | republic of indonesia:id | republic
of iraq:iq | republic of ireland:ie | republic of italy:it | republic of kazakhstan:kz |
republic of kenya:ke | republic of korea:kr | republic of kosovo:xk | republic of lebanon:lb |
republic of mali:ml | republic of malta:mt | republic of moldova:md | republic of naoero:nr |
republic of nicaragua:ni | republic of panama:pa | republic of paraguay:py | republic of peru:pe
| republic of poland:pl | republic of rwanda:rw | republic of san marino:sm | republic of
senegal:sn | republic of serbia:rs | republic of seychelles:sc | republic of sierra leone:sl |
republic of singapore:sg | republic of slovenia:si | republic of south africa:za | republic of
south sudan:ss | republic of suriname:sr | republic of t rkiye:tr | republic of tajikistan:tj |
republic of the philippines:ph | republic of the sudan:sd | republic of tunisia:tn | republic of
uganda:ug | republic of uzbekistan:uz | republic of vanuatu:vu | republic of yemen:ye | republic
of zaire:zr | republic of zambia:zm | republic of zimbabwe:zw | romania:ro | russia:ru | russian
federation:ru | rwanda:rw | s o tom and pr ncipe:st | sahrawi arab democratic republic:eh |
saint helena ascension and tristan da cunha:sh | saint kitts and nevis:kn | saint lucia:lc |
saint vincent and the grenadines:vc | samoa:ws | san marino:sm | saudi arabia:sa | senegal:sn |
serbia:rs | seychelles:sc | sierra leone:sl | singapore:sg | sint maarten:sx | sint maarten
dutch part:sx | slovak republic:sk | slovakia:sk | slovenia:si | socialist republic of
vietnam:vn | solomon islands:sb | somalia:so | south africa:za | south georgia and the south
sandwich islands:gs | south korea:kr | south sudan:ss | spain:es | sri lanka:lk | state of
israel:il | state of qatar:qa | sudan:sd | sultanate of oman:om | suriname:sr | sweden:se |
swiss confederation:ch | switzerland:ch | syria:sy | syrian arab republic:sy | t rkiye:tr |
taiwan:tw | taiwan province of china:tw | tajikistan:tj | tanzania:tz | territory of the wallis
and futuna islands:wf | thailand:th | the republic of the congo:cg | timor leste:tl | togo:tg |
togolese republic:tg | tonga:to | trinidad and tobago:tt | tunisia:tn | turkmenistan:tm | turks
and caicos islands:tc | tuvalu:tv | uganda:ug | ukraine:ua | united arab emirates:ae | united
kingdom:gb | united kingdom of great britain and northern ireland:gb | united republic of
tanzania:tz | united states:us | united states of america:us | uruguay:uy | uzbekistan:uz |
vanuatu:vu | venezuela:ve | vietnam:vn | wallis and futuna:wf | western sahara:eh | yemen:ye |
zaire:zr | zambia:zm | zimbabwe:zw
"""

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
ALPHA3: Final[dict[str, str]] = dict(p.split(":") for p in _ALPHA3.split())
BY_NAME: Final[dict[str, str]] = dict(
    p.strip().rsplit(":", 1) for p in " ".join(_NAMES.split()).split(" | ")
)
ALPHA2: Final[frozenset[str]] = frozenset(ALPHA3.values())


def country_code(value: str) -> str | None:
    """The alpha-2 code for a code or a country name, or None when it is not recognised."""
    key = _key(value)
    if len(key) == 2:
        return key if key in ALPHA2 else None
    found = ALPHA3.get(key) or BY_NAME.get(key)
    if found is None and "(" in value:  # "Iran (Islamic Republic of)"
        found = BY_NAME.get(_key(value.split("(")[0]))
    return found


def _key(value: str) -> str:
    return " ".join(_NON_ALNUM.sub(" ", value.lower()).split())
