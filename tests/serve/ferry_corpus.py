"""An invented story whose death toll rises while two claimants count (the harbour police and a hospital), and one
of them retracts a value: the story page must chart both claimants' counts and mark the retraction. Written for
these tests (English, an invented island and outlet); shared by the page tests and the browser test."""

from __future__ import annotations

FERRY = {
    "ferry-1.txt": """Ferry capsizes off Pulau Lentera, four dead
Monday, 8 April 2024 | 09:10 WIB
LENTERA, KABARLAUT.ID - A passenger ferry capsized off Pulau Lentera on Sunday evening in high waves, the harbour police said on Monday.
Four passengers were killed, the harbour police said.
Rescue boats searched the strait through the night.
""",
    "ferry-2.txt": """Ferry toll rises to six, says Lentera hospital
Monday, 8 April 2024 | 17:30 WIB
LENTERA, KABARLAUT.ID - Six people were killed when a ferry capsized off Pulau Lentera, the Lentera General Hospital said on Monday.
The hospital said it was treating the survivors for exhaustion.
""",
    "ferry-3.txt": """Lentera ferry death toll climbs to nine
Tuesday, 9 April 2024 | 10:00 WIB
LENTERA, KABARLAUT.ID - The number of people killed in the Lentera ferry disaster has risen to nine, the harbour police said on Tuesday.
Divers recovered more bodies from the wreck on Tuesday morning.
""",
    "ferry-4.txt": """Hospital says eleven killed in Lentera ferry sinking
Wednesday, 10 April 2024 | 08:15 WIB
LENTERA, KABARLAUT.ID - Eleven people were killed in the sinking of the ferry off Pulau Lentera, the Lentera General Hospital said on Wednesday.
The harbour police said the search would continue until Friday.
""",
    "ferry-5.txt": """Lentera hospital corrects its ferry toll
Thursday, 11 April 2024 | 09:40 WIB
LENTERA, KABARLAUT.ID - On Thursday the Lentera General Hospital retracted a statement that said eleven people had been killed, saying some victims had been counted twice.
Nine people were killed in the sinking, the Lentera General Hospital said.
""",
}

POLICE, HOSPITAL = "harbour police", "Lentera General Hospital"


def toll_line(chronicle) -> dict:
    """The ledger line of the ferry's death toll (the killed line with the most figures)."""
    lines = [ln for ln in chronicle.ledger if ln["category"] == "killed"]
    return max(lines, key=lambda ln: len(ln["figures"]))
