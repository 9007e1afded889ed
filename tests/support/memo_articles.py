"""Short articles written for the memo tests: a meeting readout, a statement, a court story.

Pasted as plain text, with no headline, byline or publication date, as in issue 12.
"""

from __future__ import annotations

MEETING = (
    "Delegations from Norland and Estavia held closed-door talks in Valmont on Thursday "
    "on restoring normal embassy operations, in what one official called a \"marathon "
    "discussion\".\n\n"
    "The Norland delegation was led by Deputy Foreign Minister Ingrid Halvorsen, and "
    "Estavia was represented by Ambassador Tomas Reyes. The talks focused on visa "
    "processing and the return of embassy staff, officials said.\n\n"
    "\"We have agreed that both embassies will restore full consular services within three "
    "months, and that is a real step forward for our citizens,\" Halvorsen told reporters "
    "after the session.\n\n"
    "The two sides agreed to meet again in Valmont, on a date to be determined. The "
    "disputed fishing zone was not discussed.\n\n"
    "Estavian Interior Minister Paulo Brandt, who did not attend, has criticised the "
    "process. Foreign ministry spokesperson Lena Okafor later praised the \"constructive "
    "approach\" and said both sides had voiced \"fresh concerns\" about staffing.\n"
)

STATEMENT = (
    "The Ministry of Transport said on Monday that it would suspend the planned rail fare "
    "increase pending a review of the network's finances.\n\n"
    "\"Passengers should not pay more until we know the rail network is run efficiently "
    "and the money goes where it is needed,\" Transport Minister Aiko Brennan said in a "
    "statement.\n\n"
    "The ministry said the review would be completed by the end of June and its findings "
    "published. Union leader Marcus Dale welcomed what he called a \"sensible pause\".\n"
)

COURT = (
    "A federal judge in Harlow on Wednesday ordered Corvane Industries to pay $12 million "
    "to former employees who said the company had withheld overtime wages for years.\n\n"
    "Judge Miriam Castell ruled that Corvane had \"knowingly and repeatedly\" broken state "
    "labour law. \"The evidence shows a deliberate practice of withholding wages that the "
    "workers had earned through long hours,\" Castell wrote in her decision.\n\n"
    "Corvane's lawyer, Daniel Ortiz, said the company would appeal the ruling. A hearing "
    "on legal fees is scheduled for May 14.\n"
)
