package entity

import (
	"strings"
	"testing"
)

// benchText is an invented news story of about 2 KB.
const benchText = `Nigerian Defence Minister Bello Adamu said on Monday that Nigerian troops had retaken the town of Gwoza from Boko Haram.
Adamu told reporters in Abuja that the militants had fled into the forest. "We will not stop until they are defeated," he said.
The United Nations said thousands of civilians had left the area, and the UN refugee agency (UNHCR) said camps in Maiduguri were full.
Chadian and Cameroonian soldiers joined the offensive last week, according to the Multinational Joint Task Force (MNJTF).
The minister said the Nigerian army would stay in the region. Boko Haram did not comment, but a spokesman for the MNJTF, Colonel Musa Danjuma, said attacks had fallen.
Danjuma, the task force spokesman, told Reuters that the group still held villages near Lake Chad. He said the rainy season would slow operations.
U.S. Secretary of State Helen Marsh welcomed the advance. Marsh said Washington would fund food aid through the World Food Programme.`

// BenchmarkResolve measures Resolve on a 2 KB story with the recogniser's
// mentions computed once.
func BenchmarkResolve(b *testing.B) {
	d := tagDoc("bench", strings.Repeat(benchText+"\n\n", 1))
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Resolve(d)
	}
}
