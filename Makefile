# coursekit: build, install and package.
#   make install [PREFIX=/usr/local]   build a release binary (Swift runtime linked statically) and install it
#   make dist                          coursekit-<version>-linux-x86_64.tar.gz: a relocatable install tree
#   make man                           regenerate docs/man/coursekit.1 (swift-argument-parser's generate-manual plugin)
PREFIX ?= /usr/local
VERSION := $(shell sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/CourseKit/CourseKitVersion.swift)
ARCH := $(shell uname -m)
DIST := coursekit-$(VERSION)-linux-$(ARCH)
SWIFT_FLAGS := -c release --static-swift-stdlib

.PHONY: build install dist man clean-dist

build:
	swift build $(SWIFT_FLAGS) --product coursekit

install: build
	scripts/install.sh --prefix "$(PREFIX)" --binary "$$(swift build $(SWIFT_FLAGS) --show-bin-path)/coursekit"

dist: build
	rm -rf .build/dist && mkdir -p .build/dist
	scripts/install.sh --prefix "$(CURDIR)/.build/dist/$(DIST)" --binary "$$(swift build $(SWIFT_FLAGS) --show-bin-path)/coursekit"
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C .build/dist -czf $(DIST).tar.gz $(DIST)
	sha256sum $(DIST).tar.gz > $(DIST).tar.gz.sha256
	@echo "wrote $(DIST).tar.gz"

man:
	swift package plugin --allow-writing-to-package-directory generate-manual --multi-page=false --output-directory docs/man
