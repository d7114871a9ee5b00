"""The export as one flat CSV row per service, for spreadsheets."""

import csv

COLUMNS = [
    "id",
    "name",
    "kind",
    "organization",
    "description",
    "url",
    "email",
    "phone",
    "needs",
    "service_areas",
    "languages",
    "schedules",
    "assured_date",
    "last_modified",
]


def row(service):
    """Flatten an HSDS service dict; lists become "; "-separated values."""
    attributes = service.get("attributes", [])
    return {
        "id": service["id"],
        "name": service["name"],
        "kind": "; ".join(a["value"] for a in attributes if a["link_type"] == "kind"),
        "organization": service.get("organization", {}).get("name", ""),
        "description": service.get("description", ""),
        "url": service.get("url", ""),
        "email": service.get("email", ""),
        "phone": "; ".join(p["number"] for p in service.get("phones", [])),
        "needs": "; ".join(a["value"] for a in attributes if a["link_type"] == "need"),
        "service_areas": "; ".join(a["name"] for a in service.get("service_areas", [])),
        "languages": "; ".join(lang["code"] for lang in service.get("languages", [])),
        "schedules": "; ".join(
            s.get("description") or s.get("notes", "") for s in service.get("schedules", [])
        ),
        "assured_date": service.get("assured_date", ""),
        "last_modified": service.get("last_modified", ""),
    }


def write_csv(services, stream):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    for service in services:
        writer.writerow(row(service))
