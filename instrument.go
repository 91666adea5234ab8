package accord

import "strings"

// Instrument is a convention, protocol or other body whose decisions
// accord keeps, as readers know it.
type Instrument struct {
	ID    string // "minamata": how decisions store it, in lower case
	Short string // "Minamata Convention": what pages show
	Name  string // "Minamata Convention on Mercury": its full name
}

// Instruments are the instruments known by name: those the parser tells
// from symbols and formulas, and the bodies their decisions cite. An
// instrument missing here is shown by its id; adding one is a row.
var Instruments = []Instrument{
	{"basel", "Basel Convention", "Basel Convention on the Control of Transboundary Movements of Hazardous Wastes and their Disposal"},
	{"rotterdam", "Rotterdam Convention", "Rotterdam Convention on the Prior Informed Consent Procedure for Certain Hazardous Chemicals and Pesticides in International Trade"},
	{"stockholm", "Stockholm Convention", "Stockholm Convention on Persistent Organic Pollutants"},
	{"minamata", "Minamata Convention", "Minamata Convention on Mercury"},
	{"cbd", "CBD", "Convention on Biological Diversity"},
	{"cartagena", "Cartagena Protocol", "Cartagena Protocol on Biosafety"},
	{"nagoya", "Nagoya Protocol", "Nagoya Protocol on Access to Genetic Resources and the Fair and Equitable Sharing of Benefits Arising from their Utilization"},
	{"unfccc", "UNFCCC", "United Nations Framework Convention on Climate Change"},
	{"kyoto", "Kyoto Protocol", "Kyoto Protocol to the United Nations Framework Convention on Climate Change"},
	{"paris", "Paris Agreement", "Paris Agreement under the United Nations Framework Convention on Climate Change"},
	{"vienna", "Vienna Convention", "Vienna Convention for the Protection of the Ozone Layer"},
	{"montreal", "Montreal Protocol", "Montreal Protocol on Substances that Deplete the Ozone Layer"},
	{"mlf", "Multilateral Fund", "Multilateral Fund for the Implementation of the Montreal Protocol"},
	{"cites", "CITES", "Convention on International Trade in Endangered Species of Wild Fauna and Flora"},
	{"cms", "CMS", "Convention on the Conservation of Migratory Species of Wild Animals"},
	{"ramsar", "Ramsar Convention", "Convention on Wetlands of International Importance especially as Waterfowl Habitat"},
	{"unccd", "UNCCD", "United Nations Convention to Combat Desertification"},
	{"unea", "UNEA", "United Nations Environment Assembly"},
	{"unep-gc", "UNEP Governing Council", "Governing Council of the United Nations Environment Programme"},
	{"unga", "UN General Assembly", "General Assembly of the United Nations"},
	{"hrc", "Human Rights Council", "Human Rights Council of the United Nations"},
	{"wha", "World Health Assembly", "World Health Assembly"},
}

// instrumentByKey finds an instrument by its id, short name or full name
// in lower case.
var instrumentByKey = func() map[string]Instrument {
	m := map[string]Instrument{}
	for _, in := range Instruments {
		for _, k := range []string{in.ID, in.Short, in.Name} {
			m[strings.ToLower(k)] = in
		}
	}
	return m
}()

// LookupInstrument returns the instrument s names: its id, short name or
// full name, in any case and spacing ("Minamata", "minamata convention",
// "UNFCCC").
func LookupInstrument(s string) (Instrument, bool) {
	in, ok := instrumentByKey[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return in, ok
}

// InstrumentID is the id of the instrument s names, for filters that a
// person types: "Minamata" and "Minamata Convention" are minamata. A name
// not known is kept as it is, since decisions may be stored under it.
func InstrumentID(s string) string {
	if in, ok := LookupInstrument(s); ok {
		return in.ID
	}
	return strings.TrimSpace(s)
}

// InstrumentName is what pages call the instrument of id: "Minamata
// Convention", "UNFCCC"; an id not known is shown as it is.
func InstrumentName(id string) string {
	if in, ok := instrumentByKey[id]; ok && in.ID == id {
		return in.Short
	}
	return id
}

// InstrumentFullName is the full name of the instrument of id: "Minamata
// Convention on Mercury"; an id not known is shown as it is.
func InstrumentFullName(id string) string {
	if in, ok := instrumentByKey[id]; ok && in.ID == id {
		return in.Name
	}
	return id
}
