// Package timeml reads TimeML documents (TempEval-3: TBAQ-cleaned, Platinum)
// and scores time-expression recognition and normalisation against them with
// the TempEval-3 definitions: strict and relaxed extent precision, recall and
// F1, and attribute (type, value) accuracy over relaxed matches, whose
// attribute F1 is the relaxed F1 times the attribute accuracy.
package timeml
