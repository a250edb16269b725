/** The signed-in person's own profile (GET /me). */
export const peopleKeys = {
  all: ['people'] as const,
  me: () => [...peopleKeys.all, 'me'] as const,
};
