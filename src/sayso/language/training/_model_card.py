"""The README.md and LICENSE written into the model folder; ``$name`` fields are filled in
from the measured scores (as percentages) by ``write_model_card``."""

from __future__ import annotations

from pathlib import Path
from string import Template
from typing import Any

README = Template(
    r"""# sayso-nl $version

A Dutch [spaCy](https://spacy.io) 3.8 pipeline for [sayso](../../../../../docs/dutch-model.md):
tokenizer, UPOS + morphology, edit-tree lemmas, Universal Dependencies
parse (which also sets sentence boundaries) and PER/LOC/ORG entities.
CPU-efficient (HashEmbedCNN, width 96, depth 4), no word vectors.

```python
import spacy
nlp = spacy.load("src/sayso/language/models/nl")  # or the folder's path inside the installed package
doc = nlp("De minister zei dinsdag in Den Haag dat het kabinet ingrijpt.")
```

Components: `tok2vec`, `morphologizer` (`token.pos_`, `token.morph`),
`parser` (`token.dep_`, `token.head`, `doc.sents`), `trainable_lemmatizer`
(`token.lemma_`), `ner` (`doc.ents`, labels `PER`, `LOC`, `ORG`; it has
its own tok2vec). `token.tag_` (XPOS) is not predicted.

## Accuracy

Held-out UD Dutch (a fixed 10% of the documents, never trained on):

| tokens | UPOS | morphology | lemma | UAS | LAS | sentences F |
|---|---|---|---|---|---|---|
| $token_acc | $pos_acc | $morph_acc | $lemma_acc | $dep_uas | $dep_las | $sents_f |

Entities, held-out Europeana (a fixed 10% of the cleaned corpus; historical OCR):

| label | P | R | F |
|---|---|---|---|
| PER | $ents_PER_p | $ents_PER_r | $ents_PER_f |
| LOC | $ents_LOC_p | $ents_LOC_r | $ents_LOC_f |
| ORG | $ents_ORG_p | $ents_ORG_r | $ents_ORG_f |
| all | $ents_p | $ents_r | $ents_f |

Entities on modern news, out of domain: the $articles Dutch MEANTIME articles
(Wikinews translations), distinct name forms per article as eval/score.py
counts them:

| measure | P | R | F |
|---|---|---|---|
| name form, any label | $meantime_names_p | $meantime_names_r | $meantime_names_f |
| name form and label (GPE, LOC = LOC) | $meantime_labelled_p | $meantime_labelled_r | $meantime_labelled_f |

Recall of the gold PER/ORG/GPE/LOC name forms alone (leaving out PRODUCT,
which this model has no label for): $meantime_names_r_perorgloc.

UD scores are on a fixed held-out 10% of the UD Dutch documents, NER on a
held-out 10% of the (cleaned) Europeana corpus; `meta.json` holds the same
numbers as fractions, and how long training took (`sayso_training`,
$minutes min, seed $seed). The MEANTIME articles were not used for training.

Lemmas are dictionary words: the UD Dutch compound marks are removed
(`aan_sporen` -> `aansporen`, `ontwikkeling_land` -> `ontwikkelingsland`).

The NER was trained on 19th-century newspaper OCR: expect lower recall on
modern news, especially for organisations and foreign names.

## Licence and attribution

CC BY-SA 4.0; see `LICENSE`. Trained on UD_Dutch-Alpino and
UD_Dutch-LassySmall (Bouma & van Noord 2017, CC BY-SA 4.0) and the
Europeana Newspapers NER corpus (Europeana Newspapers Project, CC0).
"""
)

LICENSE = Template(
    r"""sayso-nl $version: a Dutch spaCy pipeline
==========================================

The trained model in this folder (all files in it) is licensed under the
Creative Commons Attribution-ShareAlike 4.0 International licence
(CC BY-SA 4.0): https://creativecommons.org/licenses/by-sa/4.0/
Full legal code: https://creativecommons.org/licenses/by-sa/4.0/legalcode

You may share and adapt it, also commercially, provided that you give
appropriate credit (the attribution below), indicate whether changes were
made, and distribute your contributions under the same licence.

Attribution
-----------

This model is a work derived from, and trained on:

1. UD_Dutch-Alpino and UD_Dutch-LassySmall (Universal Dependencies), their
   dev and test sections, by Gosse Bouma and Gertjan van Noord; licensed
   under CC BY-SA 4.0.
   https://github.com/UniversalDependencies/UD_Dutch-Alpino
   https://github.com/UniversalDependencies/UD_Dutch-LassySmall
   Bouma, G. and van Noord, G. (2017). Increasing return on annotation
   investment: the automatic construction of a Universal Dependency treebank
   for Dutch. Proceedings of the NoDaLiDa 2017 Workshop on Universal
   Dependencies, Gothenburg. https://aclweb.org/anthology/W17-0403

2. The Europeana Newspapers NER corpus, Dutch part (enp_NL.kb.bio), by the
   Europeana Newspapers Project (2012-2015), National Library of the
   Netherlands; dedicated to the public domain under CC0 1.0.
   https://github.com/EuropeanaNewspapers/ner-corpora
   Neudecker, C. (2016). An Open Corpus for Named Entity Recognition in
   Historic Newspapers. Proceedings of LREC 2016, Portoroz, Slovenia.

Changes: the treebank lemmas were rewritten without their "_" compound
marks; the NER corpus was re-tokenized and cleaned of unannotated stretches
and OCR debris. No text of either corpus is included in this folder, only
the statistical model trained on them.

The model was trained with spaCy (MIT licence, Explosion AI).
"""
)


def write_model_card(out_dir: Path, meta: dict[str, Any]) -> None:
    """Write README.md (with the scores of ``meta["performance"]``) and LICENSE into ``out_dir``."""
    perf = meta["performance"]
    training = meta.get("sayso_training", {})
    values = {key: f"{100 * value:.2f}" for key, value in perf.items()}
    values.update(
        version=meta["version"],
        minutes=f"{training.get('wall_minutes', 0.0):.1f}",
        seed=str(training.get("seed", "")),
        articles=str(int(perf.get("meantime_articles", 0))),
    )
    for template, name in ((README, "README.md"), (LICENSE, "LICENSE")):
        filled = {key: values.get(key, "n/a") for key in template.get_identifiers()}
        (out_dir / name).write_text(template.substitute(filled), encoding="utf-8")
