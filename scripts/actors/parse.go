package main

import (
	"bufio"
	"io"
	"strings"
	"time"
)

// code is one CAMEO-style code of a dictionary entry, valid from From to
// Until (zero: open).
type code struct {
	Code        string
	From, Until time.Time
	Dated       bool
}

// rawEntry is one actor of a TABARI/PETRARCH .actors file: a name line,
// its "+" synonyms and its codes.
type rawEntry struct {
	Names   []string // as written, underscores kept
	Codes   []code
	Comment string // comments of the name line
	File    string // C (countries), I (international) or M (military non-state)
}

// parseActors reads a TABARI-format actors dictionary. A line that is not
// indented and does not start with "+" opens an entry; "+" lines add
// synonyms; bracketed codes on the name line or on indented lines that
// follow give its codes ("[USAGOV 770120-810120]", "[IGOUNO >070201]").
// Codes that cannot be read (a malformed date, "[---]") are dropped, as
// are entries left without a code.
func parseActors(r io.Reader, file string) ([]rawEntry, error) {
	var out []rawEntry
	var cur *rawEntry
	flush := func() {
		if cur != nil && len(cur.Codes) > 0 && len(cur.Names) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		body, comment, _ := strings.Cut(line, "#")
		if strings.TrimSpace(body) == "" {
			continue
		}
		indented := body[0] == ' ' || body[0] == '\t'
		body = strings.TrimSpace(body)
		name, codes := splitCodes(body)
		switch {
		case strings.HasPrefix(body, "+"):
			if cur == nil {
				continue
			}
			for _, n := range strings.Split(name, "+") {
				if n = strings.TrimSpace(n); n != "" {
					cur.Names = append(cur.Names, n)
				}
			}
			cur.Codes = append(cur.Codes, codes...)
		case indented || strings.HasPrefix(body, "["):
			if cur != nil {
				cur.Codes = append(cur.Codes, codes...)
			}
		default:
			flush()
			cur = &rawEntry{File: file, Comment: strings.TrimSpace(comment)}
			if name != "" {
				cur.Names = append(cur.Names, name)
			}
			cur.Codes = append(cur.Codes, codes...)
		}
	}
	flush()
	return out, sc.Err()
}

// splitCodes splits a line into the text before its first "[" and the
// codes in its brackets.
func splitCodes(s string) (string, []code) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), nil
	}
	name := strings.TrimSpace(s[:i])
	var codes []code
	for rest := s[i:]; ; {
		a := strings.IndexByte(rest, '[')
		if a < 0 {
			break
		}
		b := strings.IndexByte(rest[a:], ']')
		if b < 0 {
			break
		}
		if c, ok := parseCode(rest[a+1 : a+b]); ok {
			codes = append(codes, c)
		}
		rest = rest[a+b+1:]
	}
	return name, codes
}

// parseCode reads "USAGOV", "USAGOV 770120-810120", "USAGOV >20130227" or
// "USAGOV <991231".
func parseCode(s string) (code, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || !isCode(f[0]) {
		return code{}, false
	}
	c := code{Code: f[0]}
	if len(f) == 1 {
		return c, true
	}
	d := f[1]
	var ok bool
	c.Dated = true
	switch {
	case strings.HasPrefix(d, ">"):
		c.From, ok = parseDate(d[1:])
	case strings.HasPrefix(d, "<"):
		c.Until, ok = parseDate(d[1:])
	default:
		a, b, found := strings.Cut(d, "-")
		if !found {
			return code{}, false
		}
		var ok2 bool
		c.From, ok = parseDate(a)
		c.Until, ok2 = parseDate(b)
		ok = ok && ok2 && !c.Until.Before(c.From)
	}
	return c, ok
}

// isCode reports whether s is a code of upper-case letters in blocks of
// three.
func isCode(s string) bool {
	if len(s) < 3 || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// parseDate reads YYYYMMDD or YYMMDD; as in KEDS, TABARI and PETRARCH, a
// two-digit year below 31 is in the 21st century.
func parseDate(s string) (time.Time, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
	}
	switch len(s) {
	case 6:
		if s[:2] <= "30" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return time.Time{}, false
	}
	t, err := time.Parse("20060102", s)
	return t, err == nil
}
