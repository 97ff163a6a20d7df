package geo

import (
	"slices"
	"strings"
)

// Feature classes a reader sees (Candidate.Class, `sitrep places --json`).
const (
	ClassCity      = "city"      // populated places (GeoNames PPL*)
	ClassRegion    = "region"    // admin divisions and regions inside a country
	ClassCountry   = "country"   // independent countries and dependencies
	ClassArea      = "area"      // continents and regions across countries
	ClassWater     = "water"     // oceans, seas, gulfs, straits, lakes, rivers
	ClassLandform  = "landform"  // ranges, peaks, deserts, islands, peninsulas, plains
	ClassLandmark  = "landmark"  // buildings, streets and districts known by name
	ClassTransport = "transport" // airports and ports
	ClassPark      = "park"      // parks and protected lands
)

// classOf is FeatureClass, except that a region across countries (country
// "XX": the Middle East, the Balkans) is an area.
func classOf(fc, cc string) string {
	if fc == "RGN" && cc == "XX" {
		return ClassArea
	}
	return FeatureClass(fc)
}

// FeatureClass maps a GeoNames feature code to the class a reader sees.
func FeatureClass(fc string) string {
	switch fc {
	case "PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR":
		return ClassCountry
	case "ADM1", "ADM2", "ADM3", "ADMD", "RGN":
		return ClassRegion
	case "CONT", "AREA":
		return ClassArea
	case "OCN", "SEA", "GULF", "BAY", "STRT", "CHN", "SD", "LGN", "FJD", "INLT", "LK", "RSV", "LKSL", "STM", "CNL", "DLTA":
		return ClassWater
	case "MTS", "MT", "PK", "VLC", "DSRT", "PLAT", "ISL", "ISLS", "PEN", "CAPE", "PLN", "VAL", "BSN", "DPR", "GRGE", "ISTH", "HLLS", "CST", "PASS", "FLLS", "TUND", "WTLD", "LWL":
		return ClassLandform
	case "BLDG", "PAL", "GOVL", "ST", "SQR", "MNMT", "LDMK", "STDM":
		return ClassLandmark
	case "AIRP", "PRT":
		return ClassTransport
	case "PRK", "RESV", "AMUS":
		return ClassPark
	}
	if strings.HasPrefix(fc, "PPL") {
		return ClassCity
	}
	return ClassRegion
}

// extended reports whether a class is an extent rather than a point: a
// river, lake, range or sea, whose point is only where its label goes.
func extended(fc string) bool {
	switch FeatureClass(fc) {
	case ClassWater, ClassLandform:
		return true
	}
	return false
}

// genericWords name a kind of physical feature ("Red River", "Lake Erie").
var genericWords = map[string]bool{
	"river": true, "lake": true, "sea": true, "gulf": true, "bay": true, "strait": true, "straits": true,
	"mountains": true, "mountain": true, "mount": true, "mt": true, "range": true, "island": true, "islands": true,
	"desert": true, "peninsula": true, "canal": true, "channel": true, "sound": true, "valley": true,
	"plateau": true, "delta": true, "cape": true, "park": true, "falls": true, "reservoir": true, "ocean": true,
	"creek": true, "basin": true, "lac": true, "rio": true, "heights": true, "hills": true,
}

// HasGenericWord reports whether a lookup key holds a generic word.
func HasGenericWord(key string) bool {
	for w := range strings.FieldsSeq(key) {
		if genericWords[w] {
			return true
		}
	}
	return false
}

// wordCodes are the generic words that say which kind of water or landform
// a name is, with the feature codes of that kind.
var wordCodes = map[string][]string{
	"river": {"STM"}, "rio": {"STM"}, "creek": {"STM"},
	"lake": {"LK", "RSV"}, "lac": {"LK", "RSV"}, "reservoir": {"RSV", "LK"},
	"mountains": {"MTS"}, "range": {"MTS"}, "mount": {"MT", "PK"},
	"island": {"ISL"}, "islands": {"ISLS"}, "desert": {"DSRT"},
}

// wrongKind reports whether a physical feature's code contradicts a
// generic word of the name it was found by ("Mississippi River" is not the
// lake piece of the river that Natural Earth names so).
func wrongKind(key, fc string) bool {
	if !extended(fc) {
		return false
	}
	for w := range strings.FieldsSeq(key) {
		if codes, ok := wordCodes[w]; ok {
			return !slices.Contains(codes, fc)
		}
	}
	return false
}
