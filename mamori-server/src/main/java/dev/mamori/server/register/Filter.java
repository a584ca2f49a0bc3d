package dev.mamori.server.register;

/** The entries a list shows: all, the open ones, the open ones past a deadline. */
public enum Filter { ALL, OPEN, OVERDUE }
