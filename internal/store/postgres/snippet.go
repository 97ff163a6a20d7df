package postgres

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/view"
)

// Snippets are cut in Go, not by ts_headline, which parses the whole
// text of every hit again on the server: 20 hits of 5 KB cost more than
// the rest of a search together (issue 17).

// snippetWords is the length of a snippet in words, as FTS5's snippet
// (the SQLite store's) and ts_headline's MaxWords were asked for.
const snippetWords = 24

// lexeme is a word of a query as the index folds it; prefix: it matches
// the words that start with it.
type lexeme struct {
	word   string
	prefix bool
}

// queryLexemes returns the lexemes of a tsquery in TSQuery's form ('word',
// 'word':*, phrases in parentheses, ! before a negated operand) that a
// matching text holds: those under a negation are left out.
func queryLexemes(tsq string) []lexeme {
	var out []lexeme
	var negated []bool // per open parenthesis: inside a negation
	not := false       // the next operand is negated
	inNot := func() bool { return len(negated) > 0 && negated[len(negated)-1] }
	for i := 0; i < len(tsq); i++ {
		switch tsq[i] {
		case '!':
			not = true
		case '(':
			negated = append(negated, not || inNot())
			not = false
		case ')':
			if len(negated) > 0 {
				negated = negated[:len(negated)-1]
			}
		case '\'':
			j := strings.IndexByte(tsq[i+1:], '\'')
			if j < 0 {
				return out
			}
			l := lexeme{word: tsq[i+1 : i+1+j]}
			i += j + 1
			if strings.HasPrefix(tsq[i+1:], ":*") {
				l.prefix = true
				i += 2
			}
			if !not && !inNot() {
				out = append(out, l)
			}
			not = false
		}
	}
	return out
}

// textWord is a word of a text: its bytes [start, end).
type textWord struct{ start, end int }

// words splits text into words as Fold does: runs of letters, digits and
// the diacritics on them.
func words(text string) []textWord {
	var out []textWord
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsNumber(r) || (start >= 0 && unicode.Is(unicode.Mn, r))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, textWord{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, textWord{start, len(text)})
	}
	return out
}

// matches returns the index of the lexeme word w of text matches, or -1.
func matches(w string, lex []lexeme) int {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		w = Fold(w)
	}
	for k, l := range lex {
		if len(w) < len(l.word) || (!l.prefix && len(w) != len(l.word)) {
			continue
		}
		if ascii && strings.EqualFold(w[:len(l.word)], l.word) || !ascii && w[:len(l.word)] == l.word {
			return k
		}
	}
	return -1
}

// snippet returns the snippetWords words of text that hold the most
// distinct lexemes of lex (then the most matches; the first such), the
// matches centred in it, with
// "…" where the text goes on, and the byte spans of the matching words in
// it. A text that matches nowhere (a hit by its title) gives its first
// words.
func snippet(text string, lex []lexeme) (string, []view.Span) {
	ws := words(text)
	if len(ws) == 0 {
		return "", []view.Span{}
	}
	hit := make([]int, len(ws))
	for i, w := range ws {
		hit[i] = matches(text[w.start:w.end], lex)
	}
	// slide a window of n words, counting each lexeme's matches in it
	n := min(snippetWords, len(ws))
	count := make([]int, len(lex))
	distinct, hits := 0, 0
	add := func(i, d int) {
		if k := hit[i]; k >= 0 {
			if count[k] == 0 {
				distinct++
			}
			count[k] += d
			if count[k] == 0 {
				distinct--
			}
			hits += d
		}
	}
	for i := 0; i < n; i++ {
		add(i, 1)
	}
	best, bestDistinct, bestHits := 0, distinct, hits
	for from := 1; from+n <= len(ws); from++ {
		add(from-1, -1)
		add(from+n-1, 1)
		if distinct > bestDistinct || distinct == bestDistinct && hits > bestHits {
			best, bestDistinct, bestHits = from, distinct, hits
		}
	}
	// centre the matches of the window in it
	lo, hi := -1, -1
	for i := best; i < best+n; i++ {
		if hit[i] >= 0 {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo >= 0 {
		best = max(0, min(len(ws)-n, (lo+hi+1)/2-n/2))
	}
	first, last := ws[best], ws[best+n-1]
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	shift := b.Len() - first.start
	b.WriteString(text[first.start:last.end])
	if best+n < len(ws) {
		b.WriteString("…")
	}
	spans := []view.Span{}
	for i := best; i < best+n; i++ {
		if hit[i] >= 0 {
			spans = append(spans, view.Span{Start: ws[i].start + shift, End: ws[i].end + shift})
		}
	}
	return b.String(), spans
}
