package text

// abbreviations that keep their period (case-sensitive, without the period).
var abbreviations = map[string]bool{}

// titles are abbreviations that precede a name and so never end a sentence.
var titles = map[string]bool{}

func init() {
	for _, w := range []string{
		// titles and ranks
		"Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt",
		"Cmdr", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Lieut", "Supt", "Insp", "Det", "Fr", "Sr", "Sra",
		"Hon", "Pres", "Amb", "Atty", "Gens", "Messrs", "Mme", "Mlle", "St", "Ste", "Mt", "Ft",
		"No", "Nos", "Op", "Sec",
	} {
		abbreviations[w] = true
		titles[w] = true
	}
	for _, w := range []string{
		// months and days
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
		// companies and misc
		"Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Plc", "Cos", "Assn", "Dept", "Univ",
		"vs", "v", "etc", "approx", "est", "fig", "Fig", "al", "cf", "ca", "viz", "pp", "vol", "Vol",
		// US states as written by news agencies
		"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
		"La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
		"Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
	} {
		abbreviations[w] = true
	}
}

// IsAbbreviation reports whether w (without its trailing period) is a known
// abbreviation that keeps its period.
func IsAbbreviation(w string) bool { return abbreviations[w] }

// IsTitle reports whether w (with or without a trailing period) is a title
// such as "Gen." or "Dr." that precedes a name.
func IsTitle(w string) bool {
	if len(w) > 1 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	return titles[w]
}
