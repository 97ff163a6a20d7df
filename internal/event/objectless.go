package event

import "strings"

// Verbs whose news sense depends on whether an object follows. PETRARCH-2
// files "strike" under physical conflict (190) and "rally" under military
// mobilisation (150), the senses they have with an object ("jets struck
// the depot", "rallied troops"); with none after them ("teachers struck
// for 48 hours", "thousands rallied in the capital") they report a labour
// strike (CAMEO 143) and a demonstration (141), both PLOVER PROTEST.
var objectlessCodes = map[string]string{
	"strike": "143", "strikes": "143", "struck": "143", "striking": "143",
	"rally": "141", "rallies": "141", "rallied": "141", "rallying": "141",
}

// armedWords before a verb make "struck" an attack even with no object
// ("the drone struck overnight").
var armedWords = set("jet", "jets", "aircraft", "plane", "planes", "warplane", "warplanes", "missile", "missiles",
	"rocket", "rockets", "drone", "drones", "bomber", "bombers", "forces", "troops", "army", "military", "militants",
	"rebels", "gunmen", "fighters", "insurgents", "artillery", "helicopter", "helicopters", "navy", "air", "quake",
	"earthquake", "storm", "lightning", "typhoon", "hurricane", "tsunami", "bomb", "bombs", "shell", "shells", "attackers")

// objectless returns the code of the verb at h when no object follows it,
// or "" to keep the Dictionary's.
func (c *Coder) objectless(h *verbHit) string {
	if ablated != nil && ablated["objectless"] {
		return ""
	}
	if h.end-h.at != 1 || h.passive {
		return ""
	}
	code, ok := objectlessCodes[c.toks[h.at].low]
	// a pattern decides, except the criticism patterns a strike's
	// preposition matches ("struck over pay" is no criticism: "struck
	// out at" is, and keeps its pattern as "out" is no preposition)
	if !ok || h.patterned && !(code == "143" && strings.HasPrefix(h.code, "11")) {
		return ""
	}
	if h.end < len(c.toks) {
		n := c.toks[h.end]
		if !n.punct && !prepositions[n.low] && n.low != "until" && n.low != "outside" && n.low != "near" &&
			!(strings.HasSuffix(n.low, "ing") && n.actor < 0 && n.place < 0) && !timeWords[n.low] {
			return ""
		}
		// "struck back", "struck against": an attack
		if n.low == "against" || n.low == "back" {
			return ""
		}
	}
	if code == "143" {
		for k := h.at - 1; k >= 0; k-- {
			w := c.toks[k]
			if boundaries[w.low] {
				break
			}
			if armedWords[w.low] {
				return ""
			}
			if w.actor >= 0 && c.actorCodeHas(w.actor, "MIL", "REB", "INS") {
				return ""
			}
		}
	}
	return code
}

// actorCodeHas reports whether the CAMEO code of actor mention ai holds
// one of the role codes after its country part.
func (c *Coder) actorCodeHas(ai int, roles ...string) bool {
	if ai < 0 || ai >= len(c.actors) {
		return false
	}
	code := c.actors[ai].Code
	for _, r := range roles {
		if strings.Contains(code, r) {
			return true
		}
	}
	return false
}
