/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

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

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_NXP_OBJ_BRIDGE_PARSER_H_INCLUDED
# define YY_NXP_OBJ_BRIDGE_PARSER_H_INCLUDED
/* Debug traces.  */
#ifndef NXP_DEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define NXP_DEBUG 1
#  else
#   define NXP_DEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define NXP_DEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined NXP_DEBUG */
#if NXP_DEBUG
extern int nxp_debug;
#endif
/* "%code requires" blocks.  */
#line 19 "parser.y"

#include "stmt.h"

typedef struct {
	size_t first, last;	/* token indices */
} NXP_LTYPE;
#define NXP_LTYPE_IS_DECLARED 1

#line 66 "./.obj-bridge/parser.h"

/* Token kinds.  */
#ifndef NXP_TOKENTYPE
# define NXP_TOKENTYPE
  enum nxp_tokentype
  {
    NXP_EMPTY = -2,
    NXP_EOF = 0,                   /* "end of file"  */
    NXP_error = 256,               /* error  */
    NXP_UNDEF = 257,               /* "invalid token"  */
    END = 258,                     /* END  */
    SEQADJ = 259,                  /* SEQADJ  */
    OFFSET = 260,                  /* OFFSET  */
    RANDOM = 261,                  /* RANDOM  */
    QUEUE = 262,                   /* QUEUE  */
    NUM = 263,                     /* NUM  */
    FLAGS = 264,                   /* FLAGS  */
    TO = 265,                      /* TO  */
    BYPASS = 266,                  /* BYPASS  */
    FANOUT = 267,                  /* FANOUT  */
    FAILOPEN = 268,                /* FAILOPEN  */
    SYNPROXY = 269,                /* SYNPROXY  */
    MSS = 270,                     /* MSS  */
    WSCALE = 271,                  /* WSCALE  */
    TIMESTAMP = 272,               /* TIMESTAMP  */
    SACKPERM = 273,                /* SACKPERM  */
    ECN = 274,                     /* ECN  */
    SPSTAT = 275,                  /* SPSTAT  */
    NUMBER = 276,                  /* NUMBER  */
    STRING = 277,                  /* STRING  */
    QSTRING = 278,                 /* QSTRING  */
    VARIABLE = 279,                /* VARIABLE  */
    DASH = 280,                    /* DASH  */
    COMMA = 281,                   /* COMMA  */
    OTHER = 282                    /* OTHER  */
  };
  typedef enum nxp_tokentype nxp_token_kind_t;
#endif

/* Value type.  */
#if ! defined NXP_STYPE && ! defined NXP_STYPE_IS_DECLARED
typedef int NXP_STYPE;
# define NXP_STYPE_IS_TRIVIAL 1
# define NXP_STYPE_IS_DECLARED 1
#endif

/* Location type.  */
#if ! defined NXP_LTYPE && ! defined NXP_LTYPE_IS_DECLARED
typedef struct NXP_LTYPE NXP_LTYPE;
struct NXP_LTYPE
{
  int first_line;
  int first_column;
  int last_line;
  int last_column;
};
# define NXP_LTYPE_IS_DECLARED 1
# define NXP_LTYPE_IS_TRIVIAL 1
#endif




int nxp_parse (struct nxp_state *st);


#endif /* !YY_NXP_OBJ_BRIDGE_PARSER_H_INCLUDED  */
