package entity

import "testing"

// TestResolveRoleTrim: a title phrase holds the title and no more — no
// clause after an apposition's head, no given name or honorific the name's
// span left out, no preposition left dangling, and no title of someone
// else. title "" means the person must get no role.
func TestResolveRoleTrim(t *testing.T) {
	tests := []struct {
		name, text string
		ms         []m
		person     string
		title      string
		country    string
	}{
		{
			name:   "given name outside the span",
			text:   "On Monday Senator Marta Lindqvist voted against the bill.",
			ms:     []m{{"PER", "Lindqvist", 0}},
			person: "Lindqvist", title: "Senator",
		},
		{
			name:   "spokesman for an honorific and the name: someone else's title",
			text:   "A spokesman for Mr. Okonkwo declined to comment on the report.",
			ms:     []m{{"PER", "Okonkwo", 0}},
			person: "Okonkwo",
		},
		{
			name:   "relative clause after the head",
			text:   "The remarks angered Tomas Brandt, the director she dismissed, who wrote a book.",
			ms:     []m{{"PER", "Tomas Brandt", 0}},
			person: "Tomas Brandt", title: "director",
		},
		{
			name:   "adverb after the head",
			text:   "Voters cheered Anna Petrov, the governor there, at the fair.",
			ms:     []m{{"PER", "Anna Petrov", 0}},
			person: "Anna Petrov", title: "governor",
		},
		{
			name:   "dangling preposition before a place",
			text:   "He met Laila Nouri, the senator from Ohio, on Tuesday.",
			ms:     []m{{"PER", "Laila Nouri", 0}, {"LOC", "Ohio", 0}},
			person: "Laila Nouri", title: "senator",
		},
		{
			name:   "someone else's title before the name's own",
			text:   "The former chairman of President Odhiambo's council resigned.",
			ms:     []m{{"PER", "Odhiambo", 0}},
			person: "Odhiambo", title: "President",
		},
		{
			name:   "a role word before someone else's title",
			text:   "A veteran of President Odhiambo's first cabinet spoke.",
			ms:     []m{{"PER", "Odhiambo", 0}},
			person: "Odhiambo", title: "President",
		},
		{
			name:   "of-phrase that is part of the title stays",
			text:   "Minister of State Ravi Menon opened the fair.",
			ms:     []m{{"PER", "Ravi Menon", 0}},
			person: "Ravi Menon", title: "Minister of State",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mkDoc(t, tc.text, tc.ms...)
			l := byName(t, Resolve(d), tc.person)
			if tc.title == "" {
				if len(l.Roles) > 0 {
					t.Fatalf("role %+v, want none", l.Roles[0])
				}
				return
			}
			if len(l.Roles) == 0 {
				t.Fatalf("no role for %s", tc.person)
			}
			if ro := l.Roles[0]; ro.Title != tc.title || (tc.country != "" && ro.Country != tc.country) {
				t.Errorf("role %q (%s), want %q (%s)", ro.Title, ro.Country, tc.title, tc.country)
			}
		})
	}
}

// TestResolveMiddleInitialsApart: in one text, a father and a son who share
// first and family names and differ by middle initials are two people.
func TestResolveMiddleInitialsApart(t *testing.T) {
	src := "Walter K. Brennan thanked his father, Walter R. T. Brennan, for the advice."
	d := mkDoc(t, src, m{"PER", "Walter K. Brennan", 0}, m{"PER", "Walter R. T. Brennan", 0})
	ls := Resolve(d)
	a, b := byName(t, ls, "Walter K. Brennan"), byName(t, ls, "Walter R. T. Brennan")
	if len(a.Aliases) != 1 || len(b.Aliases) != 1 {
		t.Errorf("one person: %q and %q", a.Aliases, b.Aliases)
	}
}

// TestResolveNameSpanTrim: a sentence adverb the recogniser took into a
// name, and a title word before a full name, are not part of the name.
func TestResolveNameSpanTrim(t *testing.T) {
	tests := []struct{ text, mention, want string }{
		{"Interestingly Okafor did not vote.", "Interestingly Okafor", "Okafor"},
		{"Unfortunately Marta Lindqvist missed the vote.", "Unfortunately Marta Lindqvist", "Marta Lindqvist"},
		{"Assemblywoman Rosa Delgado won the primary.", "Assemblywoman Rosa Delgado", "Rosa Delgado"},
		{"Congressman Tom Varga spoke first.", "Congressman Tom Varga", "Tom Varga"},
		{"Kelly Brandt spoke first.", "Kelly Brandt", "Kelly Brandt"}, // a name ending in -ly stays
	}
	for _, tc := range tests {
		d := mkDoc(t, tc.text, m{"PER", tc.mention, 0})
		ls := Resolve(d)
		if len(ls) != 1 || ls[0].Name != tc.want {
			var got []string
			for _, l := range ls {
				got = append(got, l.Name)
			}
			t.Errorf("%q: locals %q, want %q", tc.mention, got, tc.want)
		}
	}
}
