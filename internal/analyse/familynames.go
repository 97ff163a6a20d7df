package analyse

import "strings"

// familyNames are the last words of the person names the recogniser found
// in full ("President Richard Nixon" → "Nixon"), for the resolver: such a
// name alone is the person in this document, not a small town so named
// (geo.Doc.Persons). A name written in full is a far surer sign than the
// type of the lone word, which the recogniser sometimes gives as LOC.
func familyNames(s string, an *Annotation) []string {
	var out []string
	for _, m := range an.Mentions {
		if m.Type != "PER" {
			continue
		}
		f := strings.Fields(s[m.Start:m.End])
		if len(f) < 2 {
			continue
		}
		out = append(out, strings.TrimRight(f[len(f)-1], ".,;:"))
	}
	return out
}
