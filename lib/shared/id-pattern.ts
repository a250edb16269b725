/** An id's shape (a ULID), apart from the generator so that schemas shared with the console need no node:crypto. */
export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
