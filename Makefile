# One short command per task. Everything runs from the project's own virtualenv in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
TEMPLATES := articles/templates authors/templates templates
ADDRESS ?= 127.0.0.1:8000
LANGUAGES := fr es de

.PHONY: messages compilemessages run test e2e screenshots plugin-test scaleout fidelity dist lint format check bench bench-feed-bytes bench-sitemaps bench-scale bench-frontcache loadtest clean

# The site's own packages (requirements.txt) are all `make run` needs; the test and lint tools
# (requirements-dev.txt, which includes them) come with the other tasks.
$(VENV)/installed-runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/installed-runtime

## run: set up SQLite, import and publish seeds/, print an admin login, serve on 127.0.0.1:8000
## (the admin login is the last line before the server's own)
run: export DEBUG := 1
run: $(VENV)/installed-runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) setup_newsroom --site-url http://$(ADDRESS)
	$(MANAGE) import_story --publish seeds/
	@echo "Serving on http://$(ADDRESS)/ (admin: http://$(ADDRESS)/admin/); scheduled stories go live each minute"
	@$(MANAGE) setup_newsroom --local-admin --site-url http://$(ADDRESS)
	@(while sleep 60; do $(MANAGE) publish_scheduled; done) & trap 'kill $$!' EXIT INT TERM; \
		$(MANAGE) runserver $(ADDRESS)

## messages: gather every marked string into each app's French, Spanish and German catalogues
## (articles/, authors/, newsroom_core/, and newsroom/locale/ for the example site's templates/)
messages: export DEBUG := 1
messages: $(VENV)/installed
	$(MANAGE) makemessages $(foreach language,$(LANGUAGES),--locale $(language)) --extension html,txt,xml,py \
		--add-location file --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' \
		--ignore 'bench/*' --ignore 'deploy/*' --ignore 'docs/*' --ignore 'var/*' --ignore 'build/*' --ignore 'dist/*'

## compilemessages: compile the catalogues for Django (the .mo files ship in the wheel)
compilemessages: export DEBUG := 1
compilemessages: $(VENV)/installed
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'node_modules/*'

## test: lint, Django's checks and the whole test suite (DATABASE_URL picks the database)
test: $(VENV)/installed lint check
	$(BIN)/pytest

## e2e: the site in Chromium (editor, reporter, reader, axe-core, screenshots), Lighthouse, the Nu Html
## Checker, feed readers (needs Debian's chromium and newsboat, and Java; the npm checkers are installed here)
e2e: $(VENV)/installed node_modules/.installed
	$(BIN)/pytest tests/e2e -m e2e

## screenshots: the README's two screenshots (docs/screenshots/), cut from the last `make e2e` run's
screenshots: $(VENV)/installed
	$(BIN)/python -m tests.e2e.readme_screenshots

## plugin-test: build the wheel, install it into a new `wagtail start` project as the README says, and
## read an imported story's page and feed there (needs the package index, as installing does)
plugin-test: $(VENV)/installed
	$(BIN)/pytest tests/packaging -m packaging

## scaleout: the deploy/ recipe's app tier on this machine: two gunicorn servers behind nginx, on
## PostgreSQL and Redis (127.0.0.1), moto's S3 server and the task worker; an editor in Chromium
## (needs Debian's nginx and chromium; figures in var/scaleout.json)
scaleout: $(VENV)/installed
	$(BIN)/pytest tests/scaleout -m scaleout
	@cat var/scaleout.json

## fidelity: how exactly the parser reads the real-world corpus, the story fixtures and the hostile
## set, field by field, with every miss; exits 1 below 100 % (the suite runs it too)
fidelity: $(VENV)/installed
	$(BIN)/python -m tests.fidelity

## dist: the wheel and source archive of the two apps, in dist/
dist: $(VENV)/installed
	$(BIN)/python -m build --outdir dist .

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: $(VENV)/installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATES)

format: $(VENV)/installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATES)

check: export DEBUG := 1
check: $(VENV)/installed
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

## bench: import 1,000 generated stories, then load-test gunicorn with wrk (see bench/bench.py); it
## runs bench-feed-bytes too
bench: $(VENV)/installed
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

## bench-feed-bytes: a 50-item feed's bytes per poll from gunicorn — uncompressed, gzip, Brotli and a
## 304 — and the milliseconds each takes (see bench/feed_bytes.py)
bench-feed-bytes: $(VENV)/installed
	$(BIN)/python bench/feed_bytes.py

## bench-sitemaps: 60,000 generated live articles in a throwaway SQLite database under var/, then
## both sitemap indexes and every sitemap page fetched from gunicorn: sitemaps, URLs and seconds
## per page (see bench/sitemaps.py; BENCH_SITEMAPS_ARGS="--articles 5000" for a quicker run)
bench-sitemaps: $(VENV)/installed
	$(BIN)/python bench/sitemaps.py $(BENCH_SITEMAPS_ARGS)

## bench-scale: a site of 1,000 and one of 100,000 generated articles (2,000 authors, 50 sections,
## 500 tags at full size), each page, listing, feed, search, sitemap and API answer asked for cold
## and warm in-process: milliseconds and queries at both sizes, and the ratio (see bench/scale.py;
## BENCH_SCALE_ARGS="--articles 20000" for a quicker run)
bench-scale: $(VENV)/installed
	$(BIN)/python bench/scale.py $(BENCH_SCALE_ARGS)

## bench-frontcache: the seed's article page warm in Varnish (deploy/varnish/newsroom.vcl) against
## nginx serving the same bytes from disk, with wrk: requests/s of each and their ratio (needs
## Debian's varnish, nginx and wrk; see bench/frontcache.py)
bench-frontcache: $(VENV)/installed
	$(BIN)/python bench/frontcache.py $(BENCH_FRONTCACHE_ARGS)

## loadtest: a 60-second reader mix and a 404 flood against gunicorn (see bench/loadtest.py)
loadtest: $(VENV)/installed
	$(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) var node_modules dist build *.egg-info
