# coursekit: build, install and package.
#   make install [PREFIX=/usr/local]   build a release binary (Swift runtime linked statically) and install it
#   make dist                          coursekit-<version>-linux-x86_64.tar.gz: a relocatable install tree
#   make man                           regenerate docs/man/coursekit.1 (swift-argument-parser's generate-manual)
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

# The same tool as `swift package plugin generate-manual`, run on the debug build (the plugin
# would first make a second, non-static release build).
man:
	swift build --product generate-manual
	swift build --product coursekit
	"$$(swift build --show-bin-path)/generate-manual" "$$(swift build --show-bin-path)/coursekit" --authors "the coursekit authors" -o docs/man
