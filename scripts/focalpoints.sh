#!/usr/bin/env bash
# focalpoints.sh writes a realistic list of focal points as CSV on standard
# output, in the columns accord import focal-points takes: ROWS rows
# (5,000 by default) for the 193 UN Member States, each designating for
# each of twelve instruments the roles that instrument has (a national
# focal point everywhere; competent authorities, designated national
# authorities, official contact points, BCH, ABS and Global Framework
# focal points where they exist), several people for some roles, with
# titles, positions, ministries, postal addresses over two lines, phone
# numbers and e-mail addresses of example.org. With "memberships" as its
# first argument it writes instead the memberships of the same countries
# (every country Party to every instrument, some only signatories).
#
#	scripts/focalpoints.sh [ROWS] > focal-points.csv
#	scripts/focalpoints.sh memberships > memberships.csv
set -euo pipefail
cd "$(dirname "$0")/.."
mode=focal
if [ "${1:-}" = memberships ]; then
	mode=memberships
	shift
fi
rows=${1:-5000}
# The Member States are the members of the five UN regional groups.
members=$(sed -n '/regionalGroups = \[\]accord.RegionalGroup{/,/^}/p' internal/registry/countries.go | grep -E '^\s+([A-Z]{2}( |`|$))+' | grep -oE '\b[A-Z]{2}\b' | tr '\n' ' ')
awk -v rows="$rows" -v mode="$mode" -v members="$members" 'BEGIN {
	n = split(members, cc, " ")
	# instrument and the roles it has, as the conventions list them
	split("basel|rotterdam|stockholm|minamata|cbd|cartagena|nagoya|unfccc|cites|cms|ramsar|montreal", ins, "|")
	roles["basel"] = "national-focal-point|competent-authority"
	roles["rotterdam"] = "designated-national-authority|official-contact-point"
	roles["stockholm"] = "national-focal-point|official-contact-point"
	roles["minamata"] = "national-focal-point|global-framework-focal-point"
	roles["cbd"] = "national-focal-point"
	roles["cartagena"] = "national-focal-point|competent-authority|bch-focal-point"
	roles["nagoya"] = "national-focal-point|competent-authority|abs-focal-point"
	roles["unfccc"] = "national-focal-point"
	roles["cites"] = "competent-authority"
	roles["cms"] = "national-focal-point"
	roles["ramsar"] = "national-focal-point"
	roles["montreal"] = "national-focal-point"
	split("Ms.|Mr.|Dr.|Prof.|Eng.", title, "|")
	split("Amina|José|Wanjiru|Chen|Olga|Ahmed|María|Kwame|Priya|Lars|Fatima|Tomás|Aigerim|Ngozi|Hiroshi|Élodie", given, "|")
	split("Haddad|García|Kamau|Wei|Ivanova|Rahman|Fernández|Mensah|Sharma|Nilsson|Diallo|Novák|Seitkali|Okafor|Tanaka|Dubois", family, "|")
	split("Director|Head of Unit|Senior Environmental Officer|Chief Chemist|Programme Coordinator|Deputy Director-General|Legal Adviser", position, "|")
	split("Ministry of Environment|Ministry of Agriculture|National Environment Management Authority|Ministry of Health|Environmental Protection Agency|Ministry of Foreign Affairs|Customs Administration", org, "|")
	split("Chemicals and Waste Division|Biodiversity Department|Climate Change Directorate|Pesticides Registration Office|Multilateral Affairs Department", unit, "|")
	if (mode == "memberships") {
		print "country,instrument,signature,consent,consent_date,entry_into_force,withdrawal,source"
		split("ratification|accession|acceptance|approval|succession", consent, "|")
		for (i = 1; i <= n; i++) {
			for (j = 1; j <= 12; j++) {
				k = i * 12 + j
				y = 1990 + k % 30
				if (k % 17 == 0) {
					printf "%s,%s,%d-%02d-%02d,,,,,\n", cc[i], ins[j], y, k % 12 + 1, k % 28 + 1
				} else {
					printf "%s,%s,,%s,%d-%02d-%02d,%d-%02d-%02d,,\n", cc[i], ins[j], consent[k % 5 + 1], y, k % 12 + 1, k % 28 + 1, y, (k + 3) % 12 + 1, k % 28 + 1
				}
			}
		}
		exit
	}
	print "country,instrument,role,title,name,position,organization,address,phone,email,designated"
	out = 0
	for (round = 0; out < rows; round++) {
		for (i = 1; i <= n && out < rows; i++) {
			for (j = 1; j <= 12 && out < rows; j++) {
				r = split(roles[ins[j]], rl, "|")
				for (k = 1; k <= r && out < rows; k++) {
					h = (i * 31 + j * 7 + k * 3 + round * 11)
					name = given[h % 16 + 1] " " family[int(h / 3) % 16 + 1]
					if (round > 0) {
						name = name " " sprintf("%c.", 65 + round)
					}
					o = org[h % 7 + 1]
					email = tolower(substr(given[h % 16 + 1], 1, 1)) "." tolower(family[int(h / 3) % 16 + 1]) round "@" tolower(cc[i]) "-" ins[j] ".example.org"
					gsub(/[^a-z0-9.@-]/, "x", email)
					printf "%s,%s,%s,%s,%s,%s,\"%s\",\"%s\n%s, P.O. Box %d\",+%d %d %07d,%s,%d-%02d-%02d\n", \
						cc[i], ins[j], rl[k], title[h % 5 + 1], name, position[h % 7 + 1], o ", " unit[h % 5 + 1], \
						o, cc[i], 1000 + h % 9000, 1 + h % 998, 10 + h % 89, (h * 7919) % 10000000, email, 2010 + h % 16, h % 12 + 1, h % 28 + 1
					out++
				}
			}
		}
	}
}'
