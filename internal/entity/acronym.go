package entity

import (
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// acronymStop are words an acronym may skip ("Islamic State of Iraq and
// the Levant" -> ISIL).
var acronymStop = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "to": true,
	"de": true, "al": true, "la": true, "el": true, "du": true, "des": true, "del": true, "a": true,
}

// initialsMatch reports whether acronym acr abbreviates name: each content
// word gives its first letter (and possibly a few more), in order; small
// words may be skipped.
func initialsMatch(acr, name string) bool {
	var a []byte
	for _, c := range []byte(strings.ToLower(acr)) {
		if c >= 'a' && c <= 'z' {
			a = append(a, c)
		}
	}
	words := strings.Fields(Key(name))
	if len(a) < 2 || len(words) < 2 {
		return false
	}
	return matchInitials(a, words)
}

func matchInitials(a []byte, words []string) bool {
	if len(a) == 0 {
		for _, w := range words {
			if !acronymStop[w] {
				return false
			}
		}
		return true
	}
	if len(words) == 0 {
		return false
	}
	w := words[0]
	if acronymStop[w] && matchInitials(a, words[1:]) {
		return true
	}
	if a[0] != w[0] {
		return false
	}
	// a[0] is w's initial; a[1:k] may continue inside w ("DoD")
	j := 1
	for k := 1; k <= len(a) && k <= 3; k++ {
		if k > 1 {
			for j < len(w) && w[j] != a[k-1] {
				j++
			}
			if j >= len(w) {
				break
			}
			j++
		}
		if matchInitials(a[k:], words[1:]) {
			return true
		}
	}
	return false
}

// acronyms learns acronyms from the text and links them to their
// expansions: "Kurdistan Regional Government (KRG)", "KRG (Kurdistan
// Regional Government)", and bare acronyms later in the text.
func (r *resolver) acronyms() {
	learned := map[string]int{} // acronym key -> cluster
	n := len(r.items)
	for i := 0; i < n; i++ {
		it := r.items[i]
		if it.demonym || it.typ == "PER" {
			continue
		}
		in, start, end, ok := r.parenthetical(it.End)
		if !ok {
			continue
		}
		switch {
		case isAcronym(in) && initialsMatch(in, it.surface):
			c := r.rootOf(i)
			if j := r.itemAt(start, end); j >= 0 {
				c = r.union(c, r.rootOf(j))
			} else {
				r.addItem(item{Span: Span{start, end}, sent: it.sent, mention: -1, ref: RefAcronym,
					surface: in, key: Key(in), typ: it.typ}, c)
			}
			learned[Key(in)] = c
			r.cls[c].learned = append(r.cls[c].learned, in)
		case isAcronym(it.surface):
			if j := r.itemAt(start, end); j >= 0 && initialsMatch(it.surface, r.items[j].surface) {
				c := r.union(r.rootOf(i), r.rootOf(j))
				learned[it.key] = c
			}
		}
	}
	// acronym mentions that abbreviate exactly one name in the document
	for i := 0; i < n; i++ {
		it := r.items[i]
		if it.demonym || !isAcronym(it.surface) || r.cls[r.rootOf(i)].kb != nil {
			continue
		}
		if c, ok := learned[it.key]; ok {
			r.union(c, r.rootOf(i))
			continue
		}
		if c := r.expansion(it.surface, r.rootOf(i)); c >= 0 {
			learned[it.key] = r.union(c, r.rootOf(i))
		}
	}
	// bare acronyms the recogniser missed: "IS" in "IS-held towns"
	for ti, t := range r.toks {
		if t.Kind != text.Word {
			continue
		}
		w := r.tok(ti)
		off := int(t.Start)
		for _, part := range strings.FieldsFunc(w, func(c rune) bool { return c == '-' || c == '‐' || c == '‑' }) {
			pstart := off + strings.Index(w, part)
			pend := pstart + len(part)
			if !isAcronym(part) || r.covered(pstart, pend) {
				continue
			}
			key := Key(part)
			ref, c := RefAcronym, -1
			if lc, ok := learned[key]; ok {
				c = lc
			} else if e := r.k.lookup(key); e != nil {
				if kc, ok := r.byKey["kb:"+e.Key]; ok {
					ref, c = RefName, kc
				} else if len(key) >= 3 && e.Section == "actors" {
					// a well-known acronym the recogniser missed: "ISIS", "NATO"
					ref, c = RefName, r.clusterFor(e.Key, e)
				}
			} else if ec := r.expansion(part, -1); ec >= 0 {
				c = ec
				learned[key] = ec
			}
			if c < 0 {
				continue
			}
			r.addItem(item{Span: Span{pstart, pend}, sent: r.sentenceAt(pstart), mention: -1, ref: ref,
				surface: part, key: key, typ: r.cls[r.find(c)].typOrMention(r)}, c)
		}
	}
}

// typOrMention returns the type of a cluster's first mention.
func (cl *cluster) typOrMention(r *resolver) string {
	for _, i := range cl.items {
		if r.items[i].mention >= 0 {
			return r.items[i].typ
		}
	}
	return "ORG"
}

// expansion returns the only multi-word, non-person cluster whose name the
// acronym abbreviates, or -1.
func (r *resolver) expansion(acr string, self int) int {
	found := -1
	for i := range r.items {
		it := &r.items[i]
		if it.mention < 0 || it.typ == "PER" || it.demonym || !strings.Contains(it.key, " ") {
			continue
		}
		c := r.rootOf(i)
		if c == self || c == found || !initialsMatch(acr, it.surface) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = c
	}
	return found
}

// parenthetical returns the text inside a parenthesis that opens right
// after pos ("... Government (KRG)").
func (r *resolver) parenthetical(pos int) (in string, start, end int, ok bool) {
	s := r.d.Text
	i := pos
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '(' {
		return "", 0, 0, false
	}
	j := strings.IndexByte(s[i+1:], ')')
	if j < 0 || j > 80 {
		return "", 0, 0, false
	}
	start, end = i+1, i+1+j
	raw := s[start:end]
	t := strings.TrimSpace(raw)
	start += strings.Index(raw, t)
	return t, start, start + len(t), t != ""
}

// itemAt returns an item lying within [start, end), or -1.
func (r *resolver) itemAt(start, end int) int {
	for i := range r.items {
		if r.items[i].Start >= start && r.items[i].End <= end {
			return i
		}
	}
	return -1
}
