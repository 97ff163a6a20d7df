package analyse

import "strings"

// familyNames are the last words of the person names the recogniser found
// in full ("President Richard Nixon" → "Nixon"), and the first of those of
// two words ("Marco Rubio" → "Marco"), for the resolver: such a
// name alone is the person in this document, not a small town so named
// (geo.Doc.Persons). A name written in full is a far surer sign than the
// type of the lone word, which the recogniser sometimes gives as LOC.
func familyNames(s string, an *Annotation) []string {
	var out []string
	loc := map[string]bool{}
	for _, m := range an.Mentions {
		if m.Type == "LOC" {
			loc[s[m.Start:m.End]] = true
		}
	}
	for _, m := range an.Mentions {
		if m.Type != "PER" {
			continue
		}
		f := strings.Fields(s[m.Start:m.End])
		if len(f) < 2 {
			continue
		}
		out = append(out, strings.TrimRight(f[len(f)-1], ".,;:"))
		// the given name too ("Marco" of "Marco Rubio", "Chelsea" of
		// "Chelsea Clinton"): a story that names the person in full and
		// then by the first name alone means the person; not a word the
		// recogniser takes for a place elsewhere in the text ("Millom"
		// of a "Millom Pier" typed as a person, beside the town "Millom")
		if g := f[0]; len(f) == 2 && !loc[g] && !strings.ContainsAny(g, ".,;:'’") {
			out = append(out, g)
		}
	}
	return out
}
