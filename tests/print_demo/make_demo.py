"""Write the print-edition demonstration notebook (tests/print_demo/demo.ipynb).

It exercises everything the print edition handles: a set-up cell (remove-cell), a typeset table
with Cyrillic, diacritics, LaTeX specials and missing values, a long table that breaks across
pages, a published figure with its CSV link, stray stream output and a bare repr (both must
vanish from the PDF), a reference to a table label and a citation.
"""
from pathlib import Path

import nbformat as nbf

HERE = Path(__file__).resolve().parent


def build() -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
    nb.cells = [
        md("# Print edition demonstration\n\nA test page for tables, figures and the no-code PDF "
           "{cite}`turekhanov2019`. The capitals are in {ref}`tbl-demo-capitals`."),
        code("import numpy as np\nimport pandas as pd\nfrom myst_nb import glue\n\n"
             "from centralasia import figures, style, tables\n\nstyle.use()",
             metadata={"tags": ["remove-cell"]}),
        md("## A small table"),
        code("capitals = pd.DataFrame({\n"
             "    \"country\": [\"Қазақстан\", \"Oʻzbekiston\", \"Кыргызстан\", \"Тоҷикистон\", \"Türkmenistan\"],\n"
             "    \"capital\": [\"Astana\", \"Toshkent\", \"Bishkek\", \"Dushanbe\", \"Aşgabat\"],\n"
             "    \"share_%\": [1.5, None, 12.25, 0.5, 100.0],\n"
             "    \"year\": pd.array([1997, 1930, 1926, pd.NA, 1927], dtype=\"Int64\"),\n"
             "    \"note\": [\"R&D $ budget #1\", \"under_score ~ ^ {braces}\", pd.NA, \"back\\\\slash\", \"—\"],\n"
             "})\n"
             "tables.show(capitals, caption=\"Capitals of the five states, with made-up shares.\",\n"
             "            source=\"Test data (2026)\", label=\"tbl-demo-capitals\")",
             metadata={"tags": ["hide-input"]}),
        md("## A long table"),
        code("rng = np.random.default_rng(2019)\n"
             "long = pd.DataFrame({\"id\": [f\"C{i:02d}\" for i in range(1, 81)],\n"
             "                     \"claim\": [\"A long claim sentence that must wrap inside its \"\n"
             "                               \"paragraph column rather than run off the page, number \"\n"
             "                               f\"{i}.\" for i in range(1, 81)],\n"
             "                     \"value\": rng.normal(size=80).round(3)})\n"
             "tables.show(long, caption=\"Eighty claims (a table that breaks across pages).\",\n"
             "            source=\"Test data (2026)\", label=\"tbl-demo-long\")",
             metadata={"tags": ["hide-input"]}),
        md("## A figure\n\n```{glue:figure} fig-demo-line\n:alt: A line rising from 0 to 9 over ten years.\n"
           ":name: fig-demo-line\n\nA rising line. *Source: Test data (2026)*\n```"),
        code("import matplotlib.pyplot as plt\n"
             "frame = pd.DataFrame({\"year\": range(2010, 2020), \"value\": range(10)})\n"
             "fig, ax = plt.subplots()\nax.plot(frame.year, frame.value, **style.country(\"KAZ\"))\n"
             "ax.set(title=\"A rising line\", xlabel=\"year\", ylabel=\"value\")\n"
             "figures.publish(\"fig-demo-line\", fig, data=frame, source=\"Test data (2026)\")",
             metadata={"tags": ["hide-input"]}),
        md("## Things the PDF must not print"),
        code("print(\"stray print output\")\nfig2, _ = plt.subplots()\nplt.close(fig2)\nfig2.axes[0]",
             metadata={"tags": ["hide-input"]}),
        md("End of the demonstration."),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def execute(path=HERE / "demo.ipynb") -> None:
    """Run the notebook in place (no timing metadata), as scripts/execute_notebooks.py does."""
    from nbclient import NotebookClient
    notebook = nbf.read(path, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(HERE)}}).execute()
    nbf.write(notebook, path)


if __name__ == "__main__":
    nbf.write(build(), HERE / "demo.ipynb")
    execute()
