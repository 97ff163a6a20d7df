// Package polnear reads the PolNeAR attribution corpus (Newell et al., LREC
// 2018) from ../shared/eval/quotes-polnear and scores quotation extraction
// and speaker attribution against it.
//
// Gold units are PolNeAR attributions (primary annotator only). Content
// spans, given by the corpus in Unicode code points, are converted to byte
// offsets into the UTF-8 text. The metrics are defined in score.go.
package polnear
