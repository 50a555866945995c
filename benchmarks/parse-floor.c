/* The floor for `coursekit validate`: read every file named on the command line and merely
 * parse it, YAML with libyaml (to a document tree, like Yams) and Markdown with cmark-gfm
 * (with the table, autolink, strikethrough and tagfilter extensions, as coursekit attaches them).
 * No checks, no output. Built and run by benchmarks/compare.sh (two processes in parallel).
 *   cc -O2 parse-floor.c -lyaml -lcmark-gfm -lcmark-gfm-extensions -o parse-floor */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static char *slurp(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *size = fread(buf, 1, (size_t)n, f);
    buf[*size] = 0;
    fclose(f);
    return buf;
}

static int ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

int main(int argc, char **argv) {
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "autolink", "strikethrough", "tagfilter"};
    long parsed = 0;
    for (int i = 1; i < argc; i++) {
        size_t size = 0;
        char *text = slurp(argv[i], &size);
        if (!text) continue;
        if (ends_with(argv[i], ".yaml") || ends_with(argv[i], ".yml")) {
            yaml_parser_t parser;
            yaml_document_t document;
            yaml_parser_initialize(&parser);
            yaml_parser_set_input_string(&parser, (const unsigned char *)text, size);
            while (yaml_parser_load(&parser, &document)) {
                int empty = yaml_document_get_root_node(&document) == NULL;
                yaml_document_delete(&document);
                if (empty) break;
            }
            yaml_parser_delete(&parser);
            parsed++;
        } else if (ends_with(argv[i], ".md")) {
            /* Front matter, when present, is YAML too: parse it with libyaml, the rest with cmark. */
            char *body = text;
            if (strncmp(text, "---\n", 4) == 0) {
                char *end = strstr(text + 4, "\n---");
                if (end) {
                    yaml_parser_t parser;
                    yaml_document_t document;
                    yaml_parser_initialize(&parser);
                    yaml_parser_set_input_string(&parser, (const unsigned char *)text + 4, (size_t)(end - text - 4));
                    if (yaml_parser_load(&parser, &document)) yaml_document_delete(&document);
                    yaml_parser_delete(&parser);
                    body = end + 4;
                }
            }
            cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
            for (int e = 0; e < 4; e++) {
                cmark_syntax_extension *ext = cmark_find_syntax_extension(names[e]);
                if (ext) cmark_parser_attach_syntax_extension(parser, ext);
            }
            cmark_parser_feed(parser, body, strlen(body));
            cmark_node *root = cmark_parser_finish(parser);
            cmark_node_free(root);
            cmark_parser_free(parser);
            parsed++;
        }
        free(text);
    }
    fprintf(stderr, "parsed %ld files\n", parsed);
    return 0;
}
