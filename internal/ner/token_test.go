package ner

import "testing"

// TestAffixHashes holds computeInfo's affix hashes (the one-pass ASCII
// path and the rune path) to hashLowerNorm of each byte prefix and suffix.
func TestAffixHashes(t *testing.T) {
	for _, s := range []string{"", "a", "Ab", "U.S.", "McDonald's", "1,234", "X-RAY", "González", "été", "東京", "a\xffb", "--"} {
		var ti tokInfo
		computeInfo(&ti, s)
		for k := 1; k <= 4; k++ {
			var pre, suf uint64
			if k <= len(s) {
				pre, suf = hashLowerNorm(s[:k]), hashLowerNorm(s[len(s)-k:])
			}
			if ti.pre[k-1] != pre || ti.suf[k-1] != suf {
				t.Errorf("%q: affixes of %d bytes %x/%x, want %x/%x", s, k, ti.pre[k-1], ti.suf[k-1], pre, suf)
			}
		}
		if ti.l != hashLowerNorm(s) || ti.w != hashString(s) {
			t.Errorf("%q: word hashes differ", s)
		}
	}
}
