package regexp

// Lazy returns every pattern made by MustCompile so far (sitrep's test).
func Lazy() []*Regexp {
	lazyMu.Lock()
	defer lazyMu.Unlock()
	return append([]*Regexp(nil), lazy...)
}
