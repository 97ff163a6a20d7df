package event

import "strings"

// Event nouns derived from the verb Dictionary. eventNouns lists the nouns
// sitrep's rules were written with; a support verb takes many more
// ("launched an inquiry", "announced the expulsion of", "ordered the
// closure of"), and the Dictionary already knows their verbs. A noun made
// from a coded verb by a regular English suffix (-ation, -tion, -sion,
// -ment, -al, -ance, -ure) carries that verb's code, so that the support
// verb rule reaches nouns no rule was written for.

// derivedSuffixes turn a noun ending into the endings of the verbs it may
// come from, tried in order: "investigation" → "investigate",
// "invasion" → "invade", "suspension" → "suspend", "withdrawal" →
// "withdraw", "seizure" → "seize".
var derivedSuffixes = []struct {
	noun  string
	verbs []string
}{
	{"ation", []string{"ate", "", "e"}},
	{"ition", []string{"ite", "ish", "e"}},
	{"ction", []string{"ct", "ce"}},
	{"ssion", []string{"t", "de", "ss"}},
	{"sion", []string{"de", "d", "se"}},
	{"tion", []string{"te", "t", "e"}},
	{"ment", []string{""}},
	{"ial", []string{"y"}},
	{"al", []string{"", "e"}},
	{"ance", []string{"", "e"}},
	{"ence", []string{"e", ""}},
	{"ure", []string{"e"}},
}

// notDerived are nouns whose look-alike verb is not what they name in
// news ("department" is no departure, "settlement" seldom a settling).
var notDerived = set("government", "governments", "department", "departments", "movement", "movements", "development",
	"developments", "management", "equipment", "establishment", "station", "stations", "relation", "relations",
	"population", "organization", "organisation", "administration", "information", "nation", "nations", "situation",
	"position", "positions", "operation", "operations", "election", "elections", "settlement", "settlements",
	"investment", "investments", "treatment", "environment", "statement", "statements", "parliament", "document",
	"documents", "apartment", "payment", "payments", "material", "materials", "official", "officials", "general",
	"national", "capital", "international", "regional", "central", "local", "final", "total", "several",
	"future", "nature", "culture", "structure", "figure", "figures", "measure", "measures", "pressure",
	"mission", "missions", "commission", "session", "sessions", "television", "division", "divisions", "version",
	"question", "questions", "section", "sections", "action", "actions", "faction", "factions", "reaction",
	"condition", "conditions", "tradition", "edition", "addition", "ambition", "foundation", "location",
	"committee", "conference", "evidence", "intelligence", "violence", "presence", "difference", "experience",
	"balance", "distance", "finance", "instance", "performance", "importance", "decision", "decisions",
	// a plan or a sign of an event, not the event: "preparations" (030),
	// "arrival" (040 meet), "recession" (080 yield)
	"preparation", "preparations", "arrival", "arrivals", "recession")

// derivedNoun returns the Dictionary code of the verb a noun is made from,
// and ok; only for a code with a PLOVER type, never a statement (CAMEO 01)
// or a verb the Dictionary leaves uncoded.
func (c *Coder) derivedNoun(w string) (string, bool) {
	if ablated != nil && ablated["derivedNoun"] {
		return "", false
	}
	if notDerived[w] {
		return "", false
	}
	noun := strings.TrimSuffix(w, "s")
	for _, d := range derivedSuffixes {
		if !strings.HasSuffix(noun, d.noun) || len(noun) < len(d.noun)+3 {
			continue
		}
		stem := noun[:len(noun)-len(d.noun)]
		for _, v := range d.verbs {
			if _, ok := ploverVerbs[stem+v]; ok {
				// "withdrawal", "resignation": the verb's PLOVER type is
				// sitrep's own (ploverVerbs), which a code cannot carry
				return "", false
			}
			for _, f := range c.d.forms[stem+v] {
				if len(f.words) != 1 || !f.base {
					continue
				}
				if code := f.code; code != "" && code != "---" && !strings.HasPrefix(code, "01") {
					if _, _, _, ok := Plover(code); ok {
						return code, true
					}
				}
			}
		}
		return "", false
	}
	return "", false
}

// ownPattern reports whether a Dictionary pattern of the verb at token i
// matches: the verb's own reading of its object ("launched a mediation
// effort") goes before a noun derived for it.
func (c *Coder) ownPattern(i int) bool {
	for _, f := range c.toks[i].forms {
		if matchForm(c.toks, i, f.words) && c.bestPattern(f.block, i, i+len(f.words)) != nil {
			return true
		}
	}
	return false
}
