// Package text splits clean article text into tokens and sentences that keep
// byte offsets into the original string, so every later fact can point back
// to the bytes it came from. Tokens follow Penn-Treebank/CoNLL conventions:
// punctuation is split off, possessive and contraction clitics ("'s", "n't")
// become their own tokens, while abbreviations ("U.S.", "Gen.", "Oct."),
// initials ("J."), hyphenated and apostrophe names ("al-Abadi", "O'Brien")
// and numbers ("30,000", "3.5", "1996-08-22") stay whole. The hot loops append
// into caller-provided slices and do not allocate.
package text
