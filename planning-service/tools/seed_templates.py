#!/usr/bin/env python3
"""Generates V20__workflow_templates.sql from seed 003 (the markdown as written) plus the choices the seed
leaves open (dropdown options, decision outcomes, which realm roles hold an internal role, due days).
Run from planning-service/: python3 tools/seed_templates.py > src/main/resources/db/migration/V20__workflow_templates.sql"""
import json, re, sys

SEED = "src/test/resources/seeds/003_account_management_templates.md"
TYPES = {"Form": "FORM", "File Request": "FILE_REQUEST", "To-Do": "TODO", "Acknowledgement": "ACKNOWLEDGEMENT",
         "Approval": "APPROVAL", "Decision": "DECISION", "E-Sign": "E_SIGN"}
FIELD_TYPES = {"Text (Single Line)": "TEXT_SINGLE_LINE", "Text (Multi Line)": "TEXT_MULTI_LINE", "Number": "NUMBER",
               "Date": "DATE", "Dropdown": "DROPDOWN"}
KEYS = {"Quarterly Business Review (QBR)": "qbr", "Annual Renewal": "annual-renewal",
        "Client Health Check": "client-health-check", "Billing Dispute Resolution": "billing-dispute-resolution"}
TRIGGERS = {"qbr": "QUARTERLY_CADENCE", "annual-renewal": "RENEWAL_WINDOW_OPENED",
            "client-health-check": "HEALTH_SCORE_DROP", "billing-dispute-resolution": "BILLING_DISPUTE_OPENED"}
# Internal roles of the seed -> realm roles that hold them (admin always may act)
REALM = {"Account Manager": ["cam", "cse"], "CSM": ["cse", "cam"], "Finance": ["vp"], "Finance Lead": ["vp"]}
CLIENT_ROLES = {"Client Stakeholder", "Client Contact", "Client"}
SATISFACTION = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]
OPTIONS = {"Overall Satisfaction": SATISFACTION,
           "Current Usage Level": ["High", "Moderate", "Low"],
           "Any budget changes expected?": ["Increase", "No change", "Decrease", "Not sure yet"],
           "Trigger Reason": ["Health score drop", "Key contact change", "Scheduled pulse"],
           "Current Health (R/Y/G)": ["Red", "Yellow", "Green"],
           "Risk Level": ["High", "Medium", "Low"],
           "Dispute Category": ["Unused licenses after downgrade", "Pricing error", "Duplicate charge",
                                "Service outage or SLA credit", "Other"]}
OUTCOMES = {
    ("annual-renewal", 6): [{"key": "ACCEPT", "label": "Accept the proposal as-is"},
                            {"key": "NEGOTIATE", "label": "Request negotiations on pricing or terms"},
                            {"key": "DOWNGRADE", "label": "Downgrade the plan"},
                            {"key": "WILL_NOT_RENEW", "label": "Will not be renewing", "endsWorkflow": True,
                             "attritionRisk": True}],
    ("billing-dispute-resolution", 6): [{"key": "ACCEPT", "label": "Accept the resolution"},
                                        {"key": "ESCALATE", "label": "Escalate (disagree with the resolution)"},
                                        {"key": "MORE_INFORMATION", "label": "Provide additional information"}],
}


def camel(label):
    words = re.findall(r"[A-Za-z0-9]+", label.replace("(ARR)", ""))
    return words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])


def rows(block):
    out = []
    for line in block.splitlines():
        if line.startswith("|") and not re.match(r"^\|[-| ]+\|$", line):
            out.append([c.strip() for c in line.strip().strip("|").split("|")])
    return out[1:]


def parse(text):
    templates = []
    for part in re.split(r"\n## \d+\. ", text)[1:]:
        name = part.splitlines()[0].strip()
        key = KEYS[name]
        meta = re.search(r"\*\*Tags\*\*: (.*?) \| \*\*Complexity\*\*: (.*?) \| \*\*Trigger\*\*: (.*)", part)
        description = re.search(r"\*\*Description\*\*: (.*)", part).group(1).strip()
        use_cases = re.findall(r"^- (?!\[)(.*)$", part.split("**Use Cases**:")[1].split("**")[0], re.M)
        requirements = re.findall(r"^- \[ \] (.*)$", part, re.M)
        roles = [r.strip() for r in re.search(r"\*\*Roles\*\*: (.*)", part).group(1).split(",")]
        steps_block = part.split("### Steps")[1].split("####")[0]
        steps = []
        for number, step, stype, assignee, desc in rows(steps_block):
            steps.append({"name": step, "type": TYPES[stype], "assigneeRole": assignee, "description": desc,
                          "dueDays": 7, "fields": [], "outcomes": OUTCOMES.get((key, int(number)), [])})
        for m in re.finditer(r"#### Step (\d+): .*? — Form Fields\n(.*?)(?=\n####|\n---|\Z)", part, re.S):
            fields = []
            for label, ftype, required in rows(m.group(2)):
                f = {"key": camel(label), "label": label, "type": FIELD_TYPES[ftype], "required": required == "Yes"}
                if f["type"] == "DROPDOWN":
                    f["options"] = OPTIONS[label]
                fields.append(f)
            steps[int(m.group(1)) - 1]["fields"] = fields
        templates.append({
            "key": key, "name": name, "description": description,
            "tags": [t.strip() for t in meta.group(1).split(",")], "complexity": meta.group(2).strip(),
            "trigger": {"kind": TRIGGERS[key], "label": meta.group(3).strip()},
            "useCases": use_cases, "requirements": requirements,
            "roles": [{"name": r, "side": "CLIENT" if r in CLIENT_ROLES else "INTERNAL",
                       "realmRoles": [] if r in CLIENT_ROLES else REALM[r]} for r in roles],
            "steps": steps})
    return templates


def main():
    with open(SEED, encoding="utf-8") as f:
        templates = parse(f.read())
    print("-- Generated by tools/seed_templates.py from seed 003 (Account Management, 4 templates); do not edit by hand.")
    print("-- Templates are data: a new version is a new row (POST /api/v1/workflows/templates); instances keep theirs.")
    print("""create table workflow_template (
    id           uuid primary key,
    template_key text        not null,
    version      int         not null check (version >= 1),
    name         text        not null,
    definition   jsonb       not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    unique (template_key, version)
);
""")
    ids = ["6f1c2a8e-0001-4c3b-9a51-000000000001", "6f1c2a8e-0002-4c3b-9a51-000000000002",
           "6f1c2a8e-0003-4c3b-9a51-000000000003", "6f1c2a8e-0004-4c3b-9a51-000000000004"]
    for tid, t in zip(ids, templates):
        body = json.dumps(t, ensure_ascii=False, indent=1)
        name = t["name"].replace("'", "''")
        print(f"insert into workflow_template (id, template_key, version, name, definition, created_by, created_at)\n"
              f"values ('{tid}', '{t['key']}', 1, '{name}', $seed$\n{body}\n$seed$::jsonb, 'seed-003', timestamptz '2026-01-01T00:00:00Z');\n")


if __name__ == "__main__":
    main()
