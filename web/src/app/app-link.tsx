import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';
import { Link as TdLink, type LinkProps as TdLinkProps } from 'tdesign-react';

/**
 * A link inside the console: TDesign's Link (the design system's colour, hover and focus, not the browser's
 * blue underline) that navigates within the single-page app; a modified click still opens a new tab.
 */
export const AppLink = ({
  to,
  children,
  theme = 'primary',
  className,
  ...rest
}: { to: string; children: ReactNode; theme?: TdLinkProps['theme']; className?: string; 'aria-label'?: string; title?: string; prefixIcon?: TdLinkProps['prefixIcon'] }) => {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <TdLink href={href} theme={theme} hover="color" className={className} onClick={onClick} {...rest}>
      {children}
    </TdLink>
  );
};
