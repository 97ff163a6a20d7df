package event

// sitrep's own additions to the PETRARCH-2 verb Dictionary, written from
// the CAMEO codebook's category definitions. PETRARCH-2 leaves many verbs
// uncoded unless a pattern matches their object ("reject" codes only with
// a known object); without a parse, sitrep's patterns match less often, so
// these verbs get the code of their plainest sense.

// defaultCodes give a verb line (by its first form) a code where the
// Dictionary gives none ("---").
var defaultCodes = map[string]string{
	"accept":    "080", // yield: accept demands, terms
	"reject":    "120", // reject
	"refuse":    "120",
	"rule_out":  "120",
	"resist":    "120",
	"vow":       "030", // express intent
	"deploy":    "150", // demonstrate military posture
	"redeploy":  "150",
	"fortify":   "150",
	"build_up":  "150",
	"reinforce": "150",
	"suspend":   "160", // reduce relations
	"withhold":  "160",
	"send":      "",    // its patterns decide: troops, aid, envoys
	"renege":    "127", // reject plan, agreement
	"violate":   "128", // defy norms, law
}

// overrideCodes replace the Dictionary's code of a verb line.
var overrideCodes = map[string]string{
	"agree": "030", // PETRARCH-2 has 050; CAMEO 03 is "agree to", PLOVER AGREE
	"swear": "030", // "swore to fight": an intent (a threat when conflictual)
	"sue":   "115", // PETRARCH-2 has 173 (arrest); CAMEO 115 is "bring lawsuit against"
	// Frequent verbs of many senses that PETRARCH-2's WordNet synonym
	// sets file under one narrow sense: in news their plain use is seldom
	// that sense ("took place", "took office", "is facing charges", "went
	// on", "led to", "served as", "deal with", "gathered" for a rally).
	// They code through their block's patterns only ("took hostage",
	// "met for talks").
	"take":   "---", // apprehend 171
	"go":     "---", // go somewhere 040
	"face":   "---", // meet 040
	"learn":  "---", // hear 040
	"lead":   "---", // oversee 060
	"serve":  "---", // aid 060
	"handle": "---", // oversee 060
	"mean":   "---", // intend 030
	"deal":   "---", // bargain 050
	"gather": "---", // assemble 040
	// "beefing up intelligence-gathering": PETRARCH-2 files "beef up" under
	// both "boost" (060) and "strengthen" with 174 (expel or deport), a
	// slip; both lines start with "beef_up", so both take boost's code
	"beef_up": "060",
	// "Iraqi forces approached the city": an advance, no meeting; its
	// patterns stay ("approached about help")
	"approach": "---",
	// "liberate the city from the group": taking ground back by force,
	// like "retake" (the Dictionary files it under releasing prisoners)
	"liberate": "190",
	// "people leaving the city", "calling on residents to leave": going
	// away is no meeting; "left for talks", "left for X" keep their
	// patterns (a visit)
	"leave": "---",
}

// extraVerbs are verbs the Dictionary lacks: forms and code.
var extraVerbs = []struct {
	code  string
	forms []string
}{
	{"020", []string{"urge", "urges", "urged", "urging"}},
	{"020", []string{"exhort", "exhorts", "exhorted", "exhorting"}},
	{"020", []string{"implore", "implores", "implored", "imploring"}},
	{"150", []string{"reinforce", "reinforces", "reinforced", "reinforcing"}},
	{"---", []string{"rig", "rigs", "rigged", "rigging"}},
	// retaking a town is taking it back by force: fighting (CAMEO 190),
	// as PLOVER's coders read it
	{"190", []string{"retake", "retakes", "retook", "retaken", "retaking"}},
	// "executed a plan" carries out; "executed prisoners" kills: the
	// patterns below decide (its object must be people)
	{"---", []string{"execute", "executes", "executed", "executing"}},
	// "kicking in $20 million": a contribution, not a kick (the
	// Dictionary's "kick" is physical assault)
	{"---", []string{"kick_in", "kicks_in", "kicked_in", "kicking_in"}},
}

// extraPatterns add patterns to a verb's block: fortification work is a
// show of military posture (CAMEO 15), whatever the verb's plain sense
// ("dug trenches" is no investigation).
var extraPatterns = []struct{ verb, after, code string }{
	{"dig", "&trench", "150"},
	{"rig", "(with &explosive)", "150"},
	{"rig", "&explosive", "150"},
	{"plant", "&explosive", "150"},
	{"lay", "&explosive", "150"},
	{"build", "&fortification", "150"},
	{"erect", "&fortification", "150"},
	{"set_up", "&fortification", "150"},
	// obstructing a road or a crossing is CAMEO 144, a protest
	{"block", "&passage", "144"},
	{"blockade", "&passage", "144"},
	// dismissing an appeal or an offer is a rejection, not a criticism
	{"dismiss", "&proposal", "120"},
	{"dismiss", "&demand", "120"},
	// expelling or withdrawing inspectors, monitors or peacekeepers is
	// CAMEO 166 (expel or withdraw), not the deportation of persons
	{"expel", "&monitor", "1662"},
	{"withdraw", "&monitor", "1662"},
	{"expel", "&pko", "1661"},
	// executing people is killing them outside combat (CAMEO 180,
	// unconventional violence)
	{"execute", "&victim", "180"},
	// advising an army or troops is military assistance (CAMEO 072), not
	// a suggestion
	{"suggest", "&forces", "072"},
	// blowing up lines, bridges or buildings destroys property
	{"blow_up", "&infrastructure", "1712"},
}

// extraSyns are synonym sets of extraPatterns.
var extraSyns = map[string][]string{
	"&trench":         {"trench", "trenches", "tunnel", "tunnels", "berm", "berms", "ditch", "ditches"},
	"&explosive":      {"explosive", "explosives", "mine", "mines", "landmine", "landmines", "bomb", "bombs", "ied", "ieds", "booby_trap", "booby_traps"},
	"&monitor":        {"inspector", "inspectors", "weapons_inspectors", "observer", "observers", "monitor", "monitors", "aid_workers", "humanitarian_workers", "relief_workers"},
	"&infrastructure": {"line", "lines", "pipeline", "pipelines", "bridge", "bridges", "building", "buildings", "tower", "towers", "power", "plant", "plants", "station", "stations", "railway", "road", "roads", "dam", "depot", "house", "houses", "homes"},
	"&passage":        {"road", "roads", "roadway", "highway", "highways", "bridge", "bridges", "crossing", "crossings", "border_crossing", "railway", "railways", "rail_line", "traffic", "transport", "access", "entrance", "entrances", "port", "ports", "street", "streets", "junction"},
	"&demand":         {"appeal", "appeals", "demand", "demands", "request", "requests", "call", "calls", "plea", "pleas", "offer", "offers", "ultimatum"},
	"&victim":         {"civilians", "prisoners", "hostages", "captives", "detainees", "people", "men", "women", "children", "villagers", "residents", "soldiers", "policemen", "fighters", "activists", "journalists", "dissidents", "defectors", "deserters", "opponents", "members", "collaborators", "spies", "informants"},
	"&forces":         {"forces", "troops", "army", "armies", "soldiers", "military", "units", "militia", "militias", "fighters", "commanders", "officers"},
	"&fortification":  {"barricade", "barricades", "fortification", "fortifications", "checkpoint", "checkpoints", "defense", "defenses", "defences", "roadblock", "roadblocks", "wall", "walls"},
}

// lightVerbs govern another verb without being an event of their own
// ("decided to allow", "continued to shell"): the governed verb is the
// event. The value is the status the governed verb takes.
var lightVerbs = map[string]string{
	"decide": Asserted, "decided": Asserted, "decides": Asserted, "deciding": Asserted,
	"continue": Asserted, "continued": Asserted, "continues": Asserted, "continuing": Asserted,
	"begin": Asserted, "began": Asserted, "begins": Asserted, "begun": Asserted,
	"start": Asserted, "started": Asserted, "starts": Asserted,
	"manage": Asserted, "managed": Asserted, "manages": Asserted,
	"prepare": Future, "prepared": Future, "prepares": Future, "preparing": Future,
	"plan": Future, "planned": Future, "plans": Future, "planning": Future,
	"try": Asserted, "tried": Asserted, "tries": Asserted, "trying": Asserted,
	"attempt": Asserted, "attempted": Asserted, "attempts": Asserted, "attempting": Asserted,
	"seek": Future, "seeks": Future, "sought": Future, "seeking": Future,
	"want": Future, "wants": Future, "wanted": Future,
	"intend": Future, "intends": Future, "intended": Future, "intending": Future,
	"aim": Future, "aims": Future, "aimed": Future,
	"expect": Future, "expects": Future, "expected": Future,
	"hope": Future, "hopes": Future, "hoped": Future,
	// "we need to make sure", "Iraq needs to retake the city": an
	// obligation, like "must", not a demand
	"need": Urged, "needs": Urged, "needed": Urged,
	"willing": Future, "ready": Future, "able": Future, "likely": Future,
}

// ploverVerbs give the PLOVER type of verbs whose CAMEO code the 2021
// table maps otherwise, following the PLOVER 2.0 manual's definitions:
// surrendering and resigning are RETREAT (giving up a position), not
// CONCEDE (granting a demand).
var ploverVerbs = map[string]string{
	"surrender": "RETREAT", "surrendered": "RETREAT", "surrenders": "RETREAT", "surrendering": "RETREAT",
	"resign": "RETREAT", "resigned": "RETREAT", "resigns": "RETREAT", "resigning": "RETREAT",
	"withdraw": "RETREAT", "withdrew": "RETREAT", "withdrawn": "RETREAT", "withdraws": "RETREAT", "withdrawing": "RETREAT",
}

// ploverCodes override the 2021 table for single CAMEO codes, again by the
// PLOVER 2.0 manual: an embargo, boycott or sanctions (163) is SANCTION.
// Destroying property (1712) is COERCE: the table gives it ASSAULT but the
// COERCE mode "seize"; easing a curfew or a state of emergency (0813,
// 0814) is CONCEDE like the rest of 081 (easing administrative
// sanctions), whose context "legal" they share.
var ploverCodes = map[string]struct{ typ, mode string }{
	"163":  {"SANCTION", ""},
	"1712": {"COERCE", "seize"},
	"0813": {"CONCEDE", ""},
	"0814": {"CONCEDE", ""},
}
