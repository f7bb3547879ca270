/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1

/* Substitute the type names.  */
#define YYSTYPE         NXP_STYPE
#define YYLTYPE         NXP_LTYPE
/* Substitute the variable and function names.  */
#define yyparse         nxp_parse
#define yylex           nxp_lex
#define yyerror         nxp_error
#define yydebug         nxp_debug
#define yynerrs         nxp_nerrs


# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "parser.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_END = 3,                        /* END  */
  YYSYMBOL_SEQADJ = 4,                     /* SEQADJ  */
  YYSYMBOL_OFFSET = 5,                     /* OFFSET  */
  YYSYMBOL_RANDOM = 6,                     /* RANDOM  */
  YYSYMBOL_QUEUE = 7,                      /* QUEUE  */
  YYSYMBOL_NUM = 8,                        /* NUM  */
  YYSYMBOL_FLAGS = 9,                      /* FLAGS  */
  YYSYMBOL_TO = 10,                        /* TO  */
  YYSYMBOL_BYPASS = 11,                    /* BYPASS  */
  YYSYMBOL_FANOUT = 12,                    /* FANOUT  */
  YYSYMBOL_FAILOPEN = 13,                  /* FAILOPEN  */
  YYSYMBOL_SYNPROXY = 14,                  /* SYNPROXY  */
  YYSYMBOL_MSS = 15,                       /* MSS  */
  YYSYMBOL_WSCALE = 16,                    /* WSCALE  */
  YYSYMBOL_TIMESTAMP = 17,                 /* TIMESTAMP  */
  YYSYMBOL_SACKPERM = 18,                  /* SACKPERM  */
  YYSYMBOL_ECN = 19,                       /* ECN  */
  YYSYMBOL_SPSTAT = 20,                    /* SPSTAT  */
  YYSYMBOL_NUMBER = 21,                    /* NUMBER  */
  YYSYMBOL_STRING = 22,                    /* STRING  */
  YYSYMBOL_QSTRING = 23,                   /* QSTRING  */
  YYSYMBOL_VARIABLE = 24,                  /* VARIABLE  */
  YYSYMBOL_DASH = 25,                      /* DASH  */
  YYSYMBOL_COMMA = 26,                     /* COMMA  */
  YYSYMBOL_OTHER = 27,                     /* OTHER  */
  YYSYMBOL_YYACCEPT = 28,                  /* $accept  */
  YYSYMBOL_start = 29,                     /* start  */
  YYSYMBOL_stmt = 30,                      /* stmt  */
  YYSYMBOL_seqadj_stmt = 31,               /* seqadj_stmt  */
  YYSYMBOL_seqadj_offset = 32,             /* seqadj_offset  */
  YYSYMBOL_seqadj_value = 33,              /* seqadj_value  */
  YYSYMBOL_queue_stmt = 34,                /* queue_stmt  */
  YYSYMBOL_queue_args_opt = 35,            /* queue_args_opt  */
  YYSYMBOL_queue_args = 36,                /* queue_args  */
  YYSYMBOL_queue_arg = 37,                 /* queue_arg  */
  YYSYMBOL_queue_flag_list = 38,           /* queue_flag_list  */
  YYSYMBOL_queue_flag = 39,                /* queue_flag  */
  YYSYMBOL_queue_num = 40,                 /* queue_num  */
  YYSYMBOL_queue_atom = 41,                /* queue_atom  */
  YYSYMBOL_synproxy_stmt = 42,             /* synproxy_stmt  */
  YYSYMBOL_synproxy_args_opt = 43,         /* synproxy_args_opt  */
  YYSYMBOL_synproxy_args = 44,             /* synproxy_args  */
  YYSYMBOL_synproxy_arg = 45               /* synproxy_arg  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 28 "parser.y"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nftx/uapi.h>

static int nxp_lex(NXP_STYPE *lval, NXP_LTYPE *lloc, struct nxp_state *st);
static void nxp_error(NXP_LTYPE *lloc, struct nxp_state *st, const char *s);
static void nxp_fail(struct nxp_state *st, size_t first, size_t last,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void nxp_fail_bytes(struct nxp_state *st, size_t start, size_t end,
			   const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int nxp_number(struct nxp_state *st, size_t tok, int64_t *val);
static bool sp_after_stats(struct nxp_state *st, size_t tok);

#define YYLLOC_DEFAULT(Cur, Rhs, N)					\
	do {								\
		if (N) {						\
			(Cur).first = YYRHSLOC(Rhs, 1).first;		\
			(Cur).last = YYRHSLOC(Rhs, N).last;		\
		} else {						\
			(Cur).first = (Cur).last =			\
				YYRHSLOC(Rhs, 0).last;			\
		}							\
	} while (0)

#line 192 "./.obj-bridge/parser.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_int8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_USE_ALLOCA
#  if YYSTACK_USE_ALLOCA
#   ifdef __GNUC__
#    define YYSTACK_ALLOC __builtin_alloca
#   elif defined __BUILTIN_VA_ARG_INCR
#    include <alloca.h> /* INFRINGES ON USER NAME SPACE */
#   elif defined _AIX
#    define YYSTACK_ALLOC __alloca
#   elif defined _MSC_VER
#    include <malloc.h> /* INFRINGES ON USER NAME SPACE */
#    define alloca _alloca
#   else
#    define YYSTACK_ALLOC alloca
#    if ! defined _ALLOCA_H && ! defined EXIT_SUCCESS
#     include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
      /* Use EXIT_SUCCESS as a witness for stdlib.h.  */
#     ifndef EXIT_SUCCESS
#      define EXIT_SUCCESS 0
#     endif
#    endif
#   endif
#  endif
# endif

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined NXP_LTYPE_IS_TRIVIAL && NXP_LTYPE_IS_TRIVIAL \
             && defined NXP_STYPE_IS_TRIVIAL && NXP_STYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
  YYLTYPE yyls_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE) \
             + YYSIZEOF (YYLTYPE)) \
      + 2 * YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  30
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   46

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  28
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  18
/* YYNRULES -- Number of rules.  */
#define YYNRULES  43
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  56

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   282


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27
};

#if NXP_DEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,    72,    72,    79,    80,    81,    84,    85,    86,    90,
      96,   104,   139,   140,   143,   144,   150,   151,   154,   155,
     158,   159,   162,   163,   166,   167,   170,   171,   172,   183,
     184,   187,   188,   191,   194,   195,   198,   199,   202,   220,
     242,   248,   254,   261
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  static const char *const yy_sname[] =
  {
  "end of file", "error", "invalid token", "END", "SEQADJ", "OFFSET",
  "RANDOM", "QUEUE", "NUM", "FLAGS", "TO", "BYPASS", "FANOUT", "FAILOPEN",
  "SYNPROXY", "MSS", "WSCALE", "TIMESTAMP", "SACKPERM", "ECN", "SPSTAT",
  "NUMBER", "STRING", "QSTRING", "VARIABLE", "DASH", "COMMA", "OTHER",
  "$accept", "start", "stmt", "seqadj_stmt", "seqadj_offset",
  "seqadj_value", "queue_stmt", "queue_args_opt", "queue_args",
  "queue_arg", "queue_flag_list", "queue_flag", "queue_num", "queue_atom",
  "synproxy_stmt", "synproxy_args_opt", "synproxy_args", "synproxy_arg", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-11)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int8 yypact[] =
{
      -3,    29,     4,   -10,     3,   -11,   -11,   -11,   -11,     5,
       9,     6,    20,   -11,   -11,   -11,   -11,    11,   -11,    -6,
     -11,     7,    15,   -11,   -11,   -11,    16,   -11,   -10,   -11,
     -11,   -11,   -11,    19,   -11,     5,   -11,   -11,   -11,    13,
      -8,   -11,   -11,    20,   -11,   -11,   -11,   -11,   -11,   -11,
       6,     6,   -11,   -11,   -11,   -11
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       0,     6,    18,    34,     0,     2,     3,     4,     5,     0,
       8,     0,     0,    26,    27,    28,    14,    19,    20,    23,
      24,     0,     0,    40,    41,    42,     0,    33,    35,    36,
       1,    12,    13,     7,    11,     0,    31,    32,    22,    29,
       0,    15,    21,     0,    38,    39,    43,    37,    10,     9,
       0,     0,    16,    25,    30,    17
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int8 yypgoto[] =
{
     -11,   -11,   -11,   -11,     8,   -11,   -11,   -11,   -11,    22,
      28,    -2,    -9,    -5,   -11,   -11,   -11,    18
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int8 yydefgoto[] =
{
       0,     4,     5,     6,    33,    34,     7,    16,    17,    18,
      19,    20,    38,    39,     8,    27,    28,    29
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int8 yytable[] =
{
      51,     1,    52,    30,     2,    21,    22,    23,    24,    25,
      26,     3,    11,    12,    35,    13,    14,    15,    43,    11,
      43,    41,    13,    14,    15,    48,    31,    36,    44,    32,
      37,    13,    14,    15,     9,    10,    45,    46,    50,    42,
      40,    53,    55,    49,     0,    54,    47
};

static const yytype_int8 yycheck[] =
{
       8,     4,    10,     0,     7,    15,    16,    17,    18,    19,
      20,    14,     8,     9,     5,    11,    12,    13,    26,     8,
      26,    10,    11,    12,    13,     6,    21,    21,    21,    24,
      24,    11,    12,    13,     5,     6,    21,    21,    25,    17,
      12,    43,    51,    35,    -1,    50,    28
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,     4,     7,    14,    29,    30,    31,    34,    42,     5,
       6,     8,     9,    11,    12,    13,    35,    36,    37,    38,
      39,    15,    16,    17,    18,    19,    20,    43,    44,    45,
       0,    21,    24,    32,    33,     5,    21,    24,    40,    41,
      38,    10,    37,    26,    21,    21,    21,    45,     6,    32,
      25,     8,    10,    39,    41,    40
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    28,    29,    30,    30,    30,    31,    31,    31,    31,
      31,    32,    33,    33,    34,    34,    34,    34,    35,    35,
      36,    36,    37,    37,    38,    38,    39,    39,    39,    40,
      40,    41,    41,    42,    43,    43,    44,    44,    45,    45,
      45,    45,    45,    45
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     1,     1,     1,     1,     1,     3,     2,     4,
       4,     1,     1,     1,     2,     3,     4,     5,     0,     1,
       1,     2,     2,     1,     1,     3,     1,     1,     1,     1,
       3,     1,     1,     2,     0,     1,     1,     2,     2,     2,
       1,     1,     1,     2
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = NXP_EMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == NXP_EMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (&yylloc, st, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use NXP_error or NXP_UNDEF. */
#define YYERRCODE NXP_UNDEF

/* YYLLOC_DEFAULT -- Set CURRENT to span from RHS[1] to RHS[N].
   If N is 0, then set CURRENT to the empty location which ends
   the previous symbol: RHS[0] (always defined).  */

#ifndef YYLLOC_DEFAULT
# define YYLLOC_DEFAULT(Current, Rhs, N)                                \
    do                                                                  \
      if (N)                                                            \
        {                                                               \
          (Current).first_line   = YYRHSLOC (Rhs, 1).first_line;        \
          (Current).first_column = YYRHSLOC (Rhs, 1).first_column;      \
          (Current).last_line    = YYRHSLOC (Rhs, N).last_line;         \
          (Current).last_column  = YYRHSLOC (Rhs, N).last_column;       \
        }                                                               \
      else                                                              \
        {                                                               \
          (Current).first_line   = (Current).last_line   =              \
            YYRHSLOC (Rhs, 0).last_line;                                \
          (Current).first_column = (Current).last_column =              \
            YYRHSLOC (Rhs, 0).last_column;                              \
        }                                                               \
    while (0)
#endif

#define YYRHSLOC(Rhs, K) ((Rhs)[K])


/* Enable debugging if requested.  */
#if NXP_DEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)


/* YYLOCATION_PRINT -- Print the location on the stream.
   This macro was not mandated originally: define only if we know
   we won't break user code: when these are the locations we know.  */

# ifndef YYLOCATION_PRINT

#  if defined YY_LOCATION_PRINT

   /* Temporary convenience wrapper in case some people defined the
      undocumented and private YY_LOCATION_PRINT macros.  */
#   define YYLOCATION_PRINT(File, Loc)  YY_LOCATION_PRINT(File, *(Loc))

#  elif defined NXP_LTYPE_IS_TRIVIAL && NXP_LTYPE_IS_TRIVIAL

/* Print *YYLOCP on YYO.  Private, do not rely on its existence. */

YY_ATTRIBUTE_UNUSED
static int
yy_location_print_ (FILE *yyo, YYLTYPE const * const yylocp)
{
  int res = 0;
  int end_col = 0 != yylocp->last_column ? yylocp->last_column - 1 : 0;
  if (0 <= yylocp->first_line)
    {
      res += YYFPRINTF (yyo, "%d", yylocp->first_line);
      if (0 <= yylocp->first_column)
        res += YYFPRINTF (yyo, ".%d", yylocp->first_column);
    }
  if (0 <= yylocp->last_line)
    {
      if (yylocp->first_line < yylocp->last_line)
        {
          res += YYFPRINTF (yyo, "-%d", yylocp->last_line);
          if (0 <= end_col)
            res += YYFPRINTF (yyo, ".%d", end_col);
        }
      else if (0 <= end_col && yylocp->first_column < end_col)
        res += YYFPRINTF (yyo, "-%d", end_col);
    }
  return res;
}

#   define YYLOCATION_PRINT  yy_location_print_

    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT(File, Loc)  YYLOCATION_PRINT(File, &(Loc))

#  else

#   define YYLOCATION_PRINT(File, Loc) ((void) 0)
    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT  YYLOCATION_PRINT

#  endif
# endif /* !defined YYLOCATION_PRINT */


# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, Location, st); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, struct nxp_state *st)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (yylocationp);
  YY_USE (st);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, struct nxp_state *st)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  YYLOCATION_PRINT (yyo, yylocationp);
  YYFPRINTF (yyo, ": ");
  yy_symbol_value_print (yyo, yykind, yyvaluep, yylocationp, st);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp, YYLTYPE *yylsp,
                 int yyrule, struct nxp_state *st)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)],
                       &(yylsp[(yyi + 1) - (yynrhs)]), st);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, yylsp, Rule, st); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !NXP_DEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !NXP_DEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif


/* Context of a parse error.  */
typedef struct
{
  yy_state_t *yyssp;
  yysymbol_kind_t yytoken;
  YYLTYPE *yylloc;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;
  int yyn = yypact[+*yyctx->yyssp];
  if (!yypact_value_is_default (yyn))
    {
      /* Start YYX at -YYN if negative to avoid negative indexes in
         YYCHECK.  In other words, skip the first -YYN actions for
         this state because they are default actions.  */
      int yyxbegin = yyn < 0 ? -yyn : 0;
      /* Stay within bounds of both yycheck and yytname.  */
      int yychecklim = YYLAST - yyn + 1;
      int yyxend = yychecklim < YYNTOKENS ? yychecklim : YYNTOKENS;
      int yyx;
      for (yyx = yyxbegin; yyx < yyxend; ++yyx)
        if (yycheck[yyx + yyn] == yyx && yyx != YYSYMBOL_YYerror
            && !yytable_value_is_error (yytable[yyx + yyn]))
          {
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = YY_CAST (yysymbol_kind_t, yyx);
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}




/* The kind of the lookahead of this context.  */
static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx)
{
  return yyctx->yytoken;
}

/* The location of the lookahead of this context.  */
static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx)
{
  return yyctx->yylloc;
}

/* User defined function to report a syntax error.  */
static int
yyreport_syntax_error (const yypcontext_t *yyctx, struct nxp_state *st);

/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, YYLTYPE *yylocationp, struct nxp_state *st)
{
  YY_USE (yyvaluep);
  YY_USE (yylocationp);
  YY_USE (st);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (struct nxp_state *st)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

/* Location data for the lookahead symbol.  */
static YYLTYPE yyloc_default
# if defined NXP_LTYPE_IS_TRIVIAL && NXP_LTYPE_IS_TRIVIAL
  = { 1, 1, 1, 1 }
# endif
;
YYLTYPE yylloc = yyloc_default;

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

    /* The location stack: array, bottom, top.  */
    YYLTYPE yylsa[YYINITDEPTH];
    YYLTYPE *yyls = yylsa;
    YYLTYPE *yylsp = yyls;

  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;
  YYLTYPE yyloc;

  /* The locations where the error started and ended.  */
  YYLTYPE yyerror_range[3];



#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N), yylsp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = NXP_EMPTY; /* Cause a token to be read.  */

  yylsp[0] = yylloc;
  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;
        YYLTYPE *yyls1 = yyls;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yyls1, yysize * YYSIZEOF (*yylsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
        yyls = yyls1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
        YYSTACK_RELOCATE (yyls_alloc, yyls);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;
      yylsp = yyls + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == NXP_EMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, &yylloc, st);
    }

  if (yychar <= NXP_EOF)
    {
      yychar = NXP_EOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == NXP_error)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = NXP_UNDEF;
      yytoken = YYSYMBOL_YYerror;
      yyerror_range[1] = yylloc;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    goto yydefault;
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END
  *++yylsp = yylloc;

  /* Discard the shifted token.  */
  yychar = NXP_EMPTY;
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];

  /* Default location. */
  YYLLOC_DEFAULT (yyloc, (yylsp - yylen), yylen);
  yyerror_range[1] = yyloc;
  YY_REDUCE_PRINT (yyn);
  switch (yyn)
    {
  case 2: /* start: stmt  */
#line 73 "parser.y"
                        {
				st->last = (yylsp[0]).last;
				YYACCEPT;
			}
#line 1375 "./.obj-bridge/parser.c"
    break;

  case 8: /* seqadj_stmt: SEQADJ RANDOM  */
#line 87 "parser.y"
                        {
				st->random = true;
			}
#line 1383 "./.obj-bridge/parser.c"
    break;

  case 9: /* seqadj_stmt: SEQADJ RANDOM OFFSET seqadj_offset  */
#line 91 "parser.y"
                        {
				nxp_fail(st, (yylsp[-2]).first, (yylsp[0]).last,
					 "seqadj random and offset are mutually exclusive");
				YYABORT;
			}
#line 1393 "./.obj-bridge/parser.c"
    break;

  case 10: /* seqadj_stmt: SEQADJ OFFSET seqadj_offset RANDOM  */
#line 97 "parser.y"
                        {
				nxp_fail(st, (yylsp[-2]).first, (yylsp[0]).last,
					 "seqadj random and offset are mutually exclusive");
				YYABORT;
			}
#line 1403 "./.obj-bridge/parser.c"
    break;

  case 11: /* seqadj_offset: seqadj_value  */
#line 105 "parser.y"
                        {
				int64_t v;

				if (nxp_number(st, (yylsp[0]).first, &v) < 0) {
					YYABORT;
				}
				if (v == 0) {
					nxp_fail(st, (yylsp[-1]).first, (yylsp[0]).last,
						 "seqadj offset must not be 0");
					YYABORT;
				}
				if (v < INT32_MIN || v > INT32_MAX) {
					const struct nxl_token *t = &st->toks[(yylsp[0]).first];
					size_t len = t->len;

					/* as written: "-" and its number are two tokens */
					if (t->type == NXL_DASH)
						len = t[1].off + t[1].len - t->off;
					if (t->type == NXL_VAR)
						nxp_fail(st, (yylsp[-1]).first, (yylsp[0]).last,
							 "seqadj offset %" PRId64 " out of range (%" PRId32 " to %" PRId32 ")",
							 v, INT32_MIN, INT32_MAX);
					else
						nxp_fail(st, (yylsp[-1]).first, (yylsp[0]).last,
							 "seqadj offset %.*s out of range (%" PRId32 " to %" PRId32 ")",
							 (int)len, st->text + t->off,
							 INT32_MIN, INT32_MAX);
					YYABORT;
				}
				st->has_offset = true;
				st->offset = v;
			}
#line 1440 "./.obj-bridge/parser.c"
    break;

  case 15: /* queue_stmt: QUEUE queue_args TO  */
#line 145 "parser.y"
                        {
				nxp_fail(st, (yylsp[0]).first, (yylsp[0]).last,
					 "syntax error, unexpected to");
				YYABORT;
			}
#line 1450 "./.obj-bridge/parser.c"
    break;

  case 28: /* queue_flag: FAILOPEN  */
#line 173 "parser.y"
                        {
				if (st->failopen) {
					nxp_fail(st, (yylsp[0]).first, (yylsp[0]).last,
						 "queue flag fail-open specified more than once");
					YYABORT;
				}
				st->failopen = (yylsp[0]).first;
			}
#line 1463 "./.obj-bridge/parser.c"
    break;

  case 38: /* synproxy_arg: MSS NUMBER  */
#line 203 "parser.y"
                        {
				int64_t v;

				if (sp_after_stats(st, (yylsp[-1]).first))
					YYABORT;
				if (nxp_number(st, (yylsp[0]).first, &v) < 0)
					YYABORT;
				if (v < 0 || v > UINT16_MAX) {
					/* nft 1.0.6 would send its low 16 bits */
					st->sp_truncated = true;
					nxp_fail(st, (yylsp[0]).first, (yylsp[0]).last,
						 "Value %" PRId64 " exceeds valid range 0-65535", v);
					YYABORT;
				}
				st->mss = v;
				st->sp_flags |= NF_SYNPROXY_OPT_MSS;
			}
#line 1485 "./.obj-bridge/parser.c"
    break;

  case 39: /* synproxy_arg: WSCALE NUMBER  */
#line 221 "parser.y"
                        {
				int64_t v;

				if (sp_after_stats(st, (yylsp[-1]).first))
					YYABORT;
				if (nxp_number(st, (yylsp[0]).first, &v) < 0)
					YYABORT;
				if (v < 0 || v > NFTX_SYNPROXY_WSCALE_MAX) {
					/* nft 1.0.6 would send its low 8 bits;
					 * 15-255 are the kernel's to refuse
					 */
					if (v > UINT8_MAX)
						st->sp_truncated = true;
					nxp_fail(st, (yylsp[0]).first, (yylsp[0]).last,
						 "Value %" PRId64 " exceeds valid range 0-%d",
						 v, NFTX_SYNPROXY_WSCALE_MAX);
					YYABORT;
				}
				st->wscale = v;
				st->sp_flags |= NF_SYNPROXY_OPT_WSCALE;
			}
#line 1511 "./.obj-bridge/parser.c"
    break;

  case 40: /* synproxy_arg: TIMESTAMP  */
#line 243 "parser.y"
                        {
				if (sp_after_stats(st, (yylsp[0]).first))
					YYABORT;
				st->sp_flags |= NF_SYNPROXY_OPT_TIMESTAMP;
			}
#line 1521 "./.obj-bridge/parser.c"
    break;

  case 41: /* synproxy_arg: SACKPERM  */
#line 249 "parser.y"
                        {
				if (sp_after_stats(st, (yylsp[0]).first))
					YYABORT;
				st->sp_flags |= NF_SYNPROXY_OPT_SACK_PERM;
			}
#line 1531 "./.obj-bridge/parser.c"
    break;

  case 42: /* synproxy_arg: ECN  */
#line 255 "parser.y"
                        {
				if (sp_after_stats(st, (yylsp[0]).first))
					YYABORT;
				st->sp_flags |= NF_SYNPROXY_OPT_ECN;
				st->ecn = (yylsp[0]).first;
			}
#line 1542 "./.obj-bridge/parser.c"
    break;

  case 43: /* synproxy_arg: SPSTAT NUMBER  */
#line 262 "parser.y"
                        {
				int64_t v;

				/* a listing's statistics: accepted so that
				 * it loads back; not sent: the kernel starts
				 * a new statement at zero
				 */
				if (nxp_number(st, (yylsp[0]).first, &v) < 0)
					YYABORT;
				if (v < 0) {
					nxp_fail(st, (yylsp[0]).first, (yylsp[0]).last,
						 "Value %" PRId64 " is negative", v);
					YYABORT;
				}
				if (!st->sp_stats)
					st->sp_stats = (yylsp[-1]).first;
			}
#line 1564 "./.obj-bridge/parser.c"
    break;


#line 1568 "./.obj-bridge/parser.c"

      default: break;
    }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;
  *++yylsp = yyloc;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == NXP_EMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyssp, yytoken, &yylloc};
        if (yyreport_syntax_error (&yyctx, st) == 2)
          YYNOMEM;
      }
    }

  yyerror_range[1] = yylloc;
  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= NXP_EOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == NXP_EOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, &yylloc, st);
          yychar = NXP_EMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;

      yyerror_range[1] = *yylsp;
      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, yylsp, st);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  yyerror_range[2] = yylloc;
  ++yylsp;
  YYLLOC_DEFAULT (*yylsp, yyerror_range, 2);

  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (&yylloc, st, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != NXP_EMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, &yylloc, st);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, yylsp, st);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif

  return yyresult;
}

#line 281 "parser.y"


#define KW(w, t)	{ w, t, YYSYMBOL_ ## t }
static const struct {
	const char	*word;
	int		token;
	yysymbol_kind_t	symbol;
} keywords[] = {
	KW("seqadj",	SEQADJ),
	KW("offset",	OFFSET),
	KW("random",	RANDOM),
	KW("queue",	QUEUE),
	KW("num",	NUM),
	KW("flags",	FLAGS),
	KW("to",	TO),
	KW("bypass",	BYPASS),
	KW("fanout",	FANOUT),
	KW("fail-open",	FAILOPEN),
	KW("synproxy",	SYNPROXY),
	KW("mss",	MSS),
	KW("wscale",	WSCALE),
	KW("timestamp",	TIMESTAMP),
	KW("sack-perm",	SACKPERM),
	KW("ecn",	ECN),
	KW("syn-answered",	SPSTAT),
	KW("cookie-valid",	SPSTAT),
	KW("cookie-invalid",	SPSTAT),
};
#undef KW

static int keyword(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		if (strlen(keywords[i].word) == len &&
		    !memcmp(keywords[i].word, s, len))
			return keywords[i].token;
	}
	return 0;
}

static int nxp_lex(NXP_STYPE *lval, NXP_LTYPE *lloc, struct nxp_state *st)
{
	const struct nxl_token *t;
	int kw;

	(void)lval;
	if (st->pos >= st->end) {
		lloc->first = lloc->last = st->end;
		return END;
	}
	t = &st->toks[st->pos];
	lloc->first = lloc->last = st->pos;
	st->pos++;

	switch (t->type) {
	case NXL_WORD:
		kw = keyword(st->text + t->off, t->len);
		if (lloc->first == st->start) {
			switch (kw) {
			case SEQADJ:
				st->kind = NX_STMT_SEQADJ;
				break;
			case QUEUE:
				st->kind = NX_STMT_QUEUE;
				break;
			case SYNPROXY:
				st->kind = NX_STMT_SYNPROXY;
				break;
			}
		}
		return kw ? kw : STRING;
	case NXL_NUM:
		return NUMBER;
	case NXL_DASH:
		/* "-5": a negative number, unless it follows a number
		 * or a variable ("0-3", "$a-$b" are ranges)
		 */
		if (st->pos < st->end &&
		    st->toks[st->pos].type == NXL_NUM &&
		    st->toks[st->pos].off == t->off + 1 &&
		    lloc->first > st->start &&
		    st->toks[lloc->first - 1].type != NXL_NUM &&
		    st->toks[lloc->first - 1].type != NXL_VAR) {
			lloc->last = st->pos;
			st->pos++;
			return NUMBER;
		}
		return DASH;
	case NXL_COMMA:
		return COMMA;
	case NXL_VAR:
		return VARIABLE;
	case NXL_STRING:
		return QSTRING;
	default:
		return OTHER;
	}
}

/* underline tokens first..last; the end token (newline, end of input)
 * is underlined as one character where it is
 */
/* the statistics a listing carries come after the options */
static bool sp_after_stats(struct nxp_state *st, size_t tok)
{
	if (!st->sp_stats)
		return false;
	nxp_fail(st, tok, tok,
		 "synproxy options must come before its statistics");
	return true;
}

static void nxp_vfail(struct nxp_state *st, size_t first, size_t last,
		      const char *fmt, va_list ap)
{
	const struct nxl_token *a = &st->toks[first], *b = &st->toks[last];

	if (st->errmsg)
		return;
	if (vasprintf(&st->errmsg, fmt, ap) < 0)
		abort();
	st->err_start = a->off;
	st->err_end = b->off + (b->len ? b->len : 1);
}

static void nxp_fail_bytes(struct nxp_state *st, size_t start, size_t end,
			   const char *fmt, ...)
{
	va_list ap;

	if (st->errmsg)
		return;
	va_start(ap, fmt);
	if (vasprintf(&st->errmsg, fmt, ap) < 0)
		abort();
	va_end(ap);
	st->err_start = start;
	st->err_end = end;
}

static void nxp_fail(struct nxp_state *st, size_t first, size_t last,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nxp_vfail(st, first, last, fmt, ap);
	va_end(ap);
}

static void nxp_error(NXP_LTYPE *lloc, struct nxp_state *st, const char *s)
{
	nxp_fail(st, lloc->first, lloc->last, "%s", s);
}

/* a number token (maybe "-" NUMBER merged by the scanner, or a
 * variable); nft accepts decimal and 0x hex
 */
static int parse_int(const char *s, size_t len, int64_t *val)
{
	bool neg = false;
	uint64_t v = 0;
	size_t i = 0;
	int base = 10;

	if (i < len && s[i] == '-') {
		neg = true;
		i++;
	}
	if (i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		base = 16;
		i += 2;
	}
	if (i == len)
		return -1;
	for (; i < len; i++) {
		int d;

		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (base == 16 && s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (base == 16 && s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return -1;
		if (v > (UINT64_MAX >> 5))
			v = UINT64_MAX >> 4;	/* saturate: out of range */
		else
			v = v * base + d;
	}
	if (v > (uint64_t)INT64_MAX)
		v = INT64_MAX;
	*val = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

static int nxp_number(struct nxp_state *st, size_t tok, int64_t *val)
{
	const struct nxl_token *t = &st->toks[tok];
	const char *s = st->text + t->off;
	size_t len;

	if (t->type == NXL_VAR) {
		const char *v = nx_lookup(s + 1, t->len - 1);
		int depth;

		/* define A = $B */
		for (depth = 0; v && depth < 16; depth++) {
			const char *n;

			while (*v == ' ' || *v == '\t')
				v++;
			if (*v != '$')
				break;
			n = ++v;
			while (*n && *n != ' ' && *n != '\t')
				n++;
			v = nx_lookup(v, n - v);
		}
		if (!v) {
			nxp_fail_bytes(st, t->off + 1, t->off + t->len,
				       "unknown identifier '%.*s'",
				       (int)t->len - 1, s + 1);
			return -1;
		}
		while (*v == ' ' || *v == '\t')
			v++;
		len = strlen(v);
		while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
			len--;
		if (parse_int(v, len, val) < 0) {
			nxp_fail(st, tok, tok,
				 "variable '%.*s' is not a number",
				 (int)t->len - 1, s + 1);
			return -1;
		}
		return 0;
	}
	if (t->type == NXL_DASH)	/* merged "-" NUMBER */
		len = st->toks[tok + 1].off + st->toks[tok + 1].len - t->off;
	else
		len = t->len;
	if (parse_int(s, len, val) < 0) {
		nxp_fail(st, tok, tok, "syntax error, unexpected junk");
		return -1;
	}
	return 0;
}


/* some of nft's keywords: in a syntax error nft names them by their
 * word, other words are a "string"
 */
static const char *nft_keyword(const char *s, size_t len)
{
	static const char *const words[] = {
		"accept", "drop", "continue", "return", "jump", "goto",
		"reject", "counter", "log", "limit", "quota", "notrack",
		"masquerade", "redirect", "dnat", "snat", "tproxy", "meta",
		"ct", "ip", "ip6", "inet", "tcp", "udp", "sctp", "icmp",
		"icmpv6", "ether", "vlan", "arp", "th", "set", "map", "vmap",
		"comment", "dport", "sport", "saddr", "daddr", "mark",
		"iifname", "oifname", "iif", "oif", "numgen", "jhash",
		"symhash", "dup", "fwd", "flow", "add", "update", "delete",
		"table", "chain", "rule", "element", "elements", "type",
		"hook", "priority", "policy", "handle", "index", "position",
		"name", "state", "status", "level", "prefix", "group",
		NULL
	};
	size_t i;

	for (i = 0; words[i]; i++) {
		if (strlen(words[i]) == len && !memcmp(words[i], s, len))
			return words[i];
	}
	return NULL;
}

/* nft's names for what it did not expect */
static const char *end_name(const struct nxp_state *st)
{
	switch (st->toks[st->end].type) {
	case NXL_NL:
		return "newline";
	case NXL_SEMI:
		return "semicolon";
	case NXL_RBRACE:
		return "'}'";
	case NXL_EOF:
		return st->buffer ? "newline" : "end of file";
	default:
		return "junk";
	}
}

static const char *symbol_name(const struct nxp_state *st, int sym,
			       size_t tok, char *buf, size_t size)
{
	const struct nxl_token *t;

	switch (sym) {
	case YYSYMBOL_END:
		return end_name(st);
	case YYSYMBOL_NUMBER:
		return "number";
	case YYSYMBOL_STRING:
		/* nft names its own keywords by their word */
		if (tok != (size_t)-1 && tok < st->end &&
		    nft_keyword(st->text + st->toks[tok].off,
				st->toks[tok].len))
			return nft_keyword(st->text + st->toks[tok].off,
					   st->toks[tok].len);
		return "string";
	case YYSYMBOL_QSTRING:
		return "quoted string";
	case YYSYMBOL_VARIABLE:
		return "'$'";
	case YYSYMBOL_DASH:
		return "'-'";
	case YYSYMBOL_COMMA:
		return "comma";
	case YYSYMBOL_OTHER:
		if (tok == (size_t)-1 || tok >= st->end)
			return "junk";
		t = &st->toks[tok];
		if (t->type == NXL_OTHER && t->len == 1 &&
		    strchr("`~?%", st->text[t->off]))
			return "junk";
		snprintf(buf, size, "'%.*s'", (int)t->len,
			 st->text + t->off);
		return buf;
	default:
		break;
	}
	/* keywords: their own word */
	{
		size_t i;

		for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
			if (keywords[i].symbol == sym)
				return keywords[i].word;
		}
	}
	return yysymbol_name(sym);
}

static int yyreport_syntax_error(const yypcontext_t *ctx,
				 struct nxp_state *st)
{
	enum { MAX_EXPECTED = 4 };
	yysymbol_kind_t expected[MAX_EXPECTED + 1];
	const NXP_LTYPE *loc = yypcontext_location(ctx);
	char msg[512], buf[64];
	yysymbol_kind_t tok = yypcontext_token(ctx);
	int n, i, shown = 0;
	size_t len;

	len = snprintf(msg, sizeof(msg), "syntax error, unexpected %s",
		       symbol_name(st, tok, loc->first, buf, sizeof(buf)));
	n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED + 1);
	if (n > 0 && n <= MAX_EXPECTED) {
		for (i = 0; i < n; i++) {
			/* "-5" and "$var" are numbers as far as the user
			 * is concerned
			 */
			if (expected[i] == YYSYMBOL_DASH ||
			    expected[i] == YYSYMBOL_VARIABLE)
				continue;
			len += snprintf(msg + len, sizeof(msg) - len, "%s%s",
					shown ? " or " : ", expecting ",
					symbol_name(st, expected[i],
						    (size_t)-1, buf,
						    sizeof(buf)));
			shown++;
			if (len >= sizeof(msg))
				break;
		}
	}
	nxp_fail(st, loc->first, loc->last, "%s", msg);
	return 0;
}

int nxp_parse_stmt(struct nxp_state *st)
{
	st->pos = st->start;
	st->kind = NX_STMT_NONE;
	st->errmsg = NULL;
	if (nxp_parse(st) != 0) {
		if (!st->errmsg)
			nxp_fail(st, st->start, st->start, "syntax error");
		return -1;
	}
	return 0;
}
