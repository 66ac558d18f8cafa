"""Write book/provenance.md from data/datapackage.json (`python -m centralasia.provenance`).

The page is generated, never edited by hand: a test fails when it is out of
date with the data package.
"""
from __future__ import annotations

from .data import package
from .paths import DATA_DIR, ROOT

PAGE = ROOT / "book" / "provenance.md"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(descriptor: dict | None = None) -> str:
    descriptor = descriptor or package()
    resources = descriptor["resources"]
    total = sum(r["bytes"] for r in resources)
    lines = [
        "(provenance)=",
        "# Data and provenance",
        "",
        "This page is generated from `data/datapackage.json` by `python -m centralasia.provenance`; "
        "do not edit it by hand. Every table in `data/` is written by the pipeline "
        "(`make data`) from the raw inputs named below, which are read-only and not part of the "
        "repository. Each raw file is identified by its SHA-256, so a re-user can check that they "
        "hold the same input. Each dataset keeps the licence of its source.",
        "",
        f"The package holds {len(resources)} tables, {total / 1e6:.2f} MB in all "
        f"(data package version {descriptor['version']}).",
        "",
        "| Dataset | Title | Licence | Cited as |",
        "| --- | --- | --- | --- |",
    ]
    for r in resources:
        licence = r["licenses"][0]
        lines.append(f"| [`{r['name']}`](prov-{r['name']}) | {_cell(r['title'])} | "
                     f"[{licence['name']}]({licence['path']}) | {{cite:p}}`{r['citation']}` |")
    for r in resources:
        licence = r["licenses"][0]
        lines += ["", f"(prov-{r['name']})=", f"## `{r['name']}`", "", f"**{_cell(r['title'])}.** "
                  f"{r['description']}", "",
                  f"- **Coverage:** {r['coverage']}",
                  f"- **Licence:** [{licence['title']}]({licence['path']})",
                  f"- **Citation:** {{cite:t}}`{r['citation']}`",
                  f"- **File:** `data/{r['path']}`, {r['bytes']:,} bytes, "
                  f"primary key ({', '.join(r['schema']['primaryKey'])})"]
        if r["rawFiles"]:
            lines.append("- **Raw inputs** (in `../shared/raw/`):")
            lines += [f"  - `{f['path']}` — sha256 `{f['sha256']}`" for f in r["rawFiles"]]
        else:
            lines.append("- **Raw inputs:** none; curated by the book in `centralasia/reference/`.")
        if r.get("caveats"):
            lines.append("- **Caveats:**")
            lines += [f"  - {c}" for c in r["caveats"]]
        lines += ["", "| Field | Type | Unit | Description |", "| --- | --- | --- | --- |"]
        for f in r["schema"]["fields"]:
            lines.append(f"| `{f['name']}` | {f['type']} | {_cell(f.get('unit', ''))} | "
                         f"{_cell(f.get('description', ''))} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} from {DATA_DIR.name}/datapackage.json")


if __name__ == "__main__":
    main()
