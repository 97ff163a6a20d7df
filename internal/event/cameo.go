package event

// QuadClass returns GDELT's QuadClass of a CAMEO code: 1 verbal
// cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13), 4 material conflict (14-20); 0 when unknown.
func QuadClass(cameo string) int {
	r := rootNumber(cameo)
	switch {
	case r >= 1 && r <= 5:
		return 1
	case r >= 6 && r <= 8:
		return 2
	case r >= 9 && r <= 13:
		return 3
	case r >= 14 && r <= 20:
		return 4
	}
	return 0
}

// goldsteinRoot is the Goldstein (1992) conflict-cooperation weight of
// each CAMEO root, the value GDELT's table gives the root's base code.
// sitrep keeps the root level only: detail codes take their root's value.
var goldsteinRoot = [21]float64{0, 0, 3, 4, 1, 3.5, 6, 7, 5, -2, -5, -2, -4, -6, -6.5, -7.2, -4, -7, -9, -10, -10}

// Goldstein returns the Goldstein scale value of a CAMEO code (its
// root's), 0 when unknown.
func Goldstein(cameo string) float64 {
	r := rootNumber(cameo)
	if r < 1 || r > 20 {
		return 0
	}
	return goldsteinRoot[r]
}

func rootNumber(cameo string) int {
	if len(cameo) < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9' {
		return 0
	}
	return int(cameo[0]-'0')*10 + int(cameo[1]-'0')
}
