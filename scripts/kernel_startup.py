"""Code run silently in each kernel before a notebook's first cell (`make notebooks`).

ipywidgets names every widget model after its comm id, and the comm package draws
comm ids from `uuid.uuid4()`: a re-run of an unchanged notebook would rewrite every
`model_id` and the whole widget state in the notebook's metadata. Seeding `uuid4`
inside the kernel makes those ids (and any other uuid4 a library draws, e.g.
matplotlib's SVG hash salt) the same on every run. Only the kernel that executes the
notebook for committing is affected; the ids still differ from widget to widget.
The code runs with `silent=True`: no execution count is used, nothing is output.
"""


def _centralasia_seed_uuid4(seed: int = 2019) -> None:
    import random
    import uuid

    generator = random.Random(seed)

    def uuid4() -> uuid.UUID:
        return uuid.UUID(int=generator.getrandbits(128), version=4)

    uuid.uuid4 = uuid4


_centralasia_seed_uuid4()
del _centralasia_seed_uuid4
