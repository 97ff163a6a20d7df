package quote

// dquote is a span of text inside quotation marks, in token indices:
// toks[open] is the opening mark, toks[close] the closing one (or the last
// token of the paragraph where the quote was never closed).
type dquote struct {
	open, close int
	closed      bool
	paras       int // paragraph breaks crossed (a multi-paragraph quote)
}

// family groups quotation marks that pair with each other.
func opens(q string) (fam int, ok bool) {
	switch q {
	case "“", "„":
		return 1, true
	case "\"", "''", "``":
		return 2, true
	case "«":
		return 3, true
	case "‘", "‚":
		return 4, true
	}
	return 0, false
}

// findDirect pairs quotation marks into quotes. Double marks of every style
// nest single ones, which are ignored inside them. A quote left open at the
// end of a paragraph continues when the next paragraph opens with a mark of
// the same family (the news convention for multi-paragraph quotes);
// otherwise it ends with its paragraph.
func findDirect(text string, toks []tok) []dquote {
	var out []dquote
	open, fam, opener := -1, 0, ""
	paras := 0
	closeAt := func(i int, closed bool) {
		if open >= 0 && i > open {
			out = append(out, dquote{open: open, close: i, closed: closed, paras: paras})
		}
		open, fam, opener, paras = -1, 0, "", 0
	}
	for i, t := range toks {
		if t.nlBef && open >= 0 {
			if f, ok := opens(t.low); ok && t.kind == tQuote && (f == fam || (fam == 1 && f == 2) || (fam == 2 && f == 1)) && !closesHere(text, toks, i) {
				paras++
				continue // continuation of a multi-paragraph quote
			}
			closeAt(i-1, false)
		}
		if t.kind != tQuote {
			continue
		}
		q := t.low
		if open < 0 {
			f, ok := opens(q)
			if !ok {
				continue
			}
			if f == 4 {
				// single quote opens only at a word start: space or start before, letter after
				if i+1 >= len(toks) || toks[i+1].kind != tWord || toks[i+1].s != t.e {
					continue
				}
				if t.s > 0 && !isSpaceRune(rune(text[t.s-1])) && text[t.s-1] != '(' && text[t.s-1] != '\n' {
					continue
				}
			}
			if f == 2 && i+1 < len(toks) && toks[i+1].s > t.e && i > 0 && toks[i-1].e == t.s {
				// a straight mark glued to the previous word and followed by
				// a space is a stray closer (e.g. after an unmatched quote)
				continue
			}
			open, fam, opener = i, f, q
			continue
		}
		switch fam {
		case 1:
			if q == "”" || q == "\"" || (opener == "„" && q == "“") {
				closeAt(i, true)
			} else if q == "“" && opener == "“" {
				// a new opener without a closer: restart here
				open = i
			}
		case 2:
			if q == "\"" || q == "''" || q == "”" {
				closeAt(i, true)
			}
		case 3:
			if q == "»" {
				closeAt(i, true)
			}
		case 4:
			if q == "’" || q == "'" {
				if i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].s == t.e {
					continue // apostrophe
				}
				closeAt(i, true)
			}
		}
	}
	if open >= 0 {
		closeAt(len(toks)-1, false)
	}
	return out
}

// closesHere reports whether the quotation mark at toks[i] (first token of
// a paragraph) is more likely a closer: nothing follows it on its line.
func closesHere(text string, toks []tok, i int) bool {
	return i+1 >= len(toks) || toks[i+1].nlBef
}
