#include <zlib.h>
/* deflateInit2/inflateInit2 are macros; expose them as functions Swift can call. */
static inline int czlib_inflate_init(z_stream *s) { return inflateInit(s); }
static inline int czlib_deflate_init(z_stream *s, int level) { return deflateInit(s, level); }
